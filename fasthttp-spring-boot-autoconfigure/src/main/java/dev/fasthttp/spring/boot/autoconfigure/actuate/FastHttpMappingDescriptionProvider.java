package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.spring.boot.autoconfigure.RouteDiscovery;
import dev.fasthttp.spring.boot.autoconfigure.RouteDiscovery.RouteDescription;
import java.util.List;
import org.springframework.boot.actuate.web.mappings.MappingDescriptionProvider;
import org.springframework.context.ApplicationContext;

/**
 * The fasthttp routes in Actuator's {@code mappings} endpoint, under {@code fasthttp}: for each,
 * the method and template, the bean and method (or {@code Route} bean) that handles it, whether it
 * runs on a virtual thread, whether it streams the request body, its timeout, and the media types a
 * typed method consumes and produces.
 */
class FastHttpMappingDescriptionProvider implements MappingDescriptionProvider {

    private final RouteDiscovery routes;

    FastHttpMappingDescriptionProvider(RouteDiscovery routes) {
        this.routes = routes;
    }

    @Override
    public String getMappingName() {
        return "fasthttp";
    }

    @Override
    public List<RouteDescription> describeMappings(ApplicationContext context) {
        return routes.describe();
    }
}
