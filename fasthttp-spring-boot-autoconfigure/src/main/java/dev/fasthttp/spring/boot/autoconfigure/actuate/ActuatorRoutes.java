package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.routing.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver;
import org.springframework.boot.actuate.endpoint.web.EndpointMapping;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.WebOperationRequestPredicate;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;

/**
 * The routes that serve the exposed Actuator endpoints under a base path: one blocking route per
 * operation, the discovery page ({@code _links}) at the base path itself, and, with CORS
 * configured, the preflight answers.
 */
final class ActuatorRoutes {

    private final EndpointMapping mapping;
    private final WebServerNamespace namespace;
    private final EndpointResponses responses;
    private final ActuatorCors cors;
    private final List<Route> routes = new ArrayList<>();
    private final Set<String> paths = new LinkedHashSet<>();

    private ActuatorRoutes(String basePath, WebServerNamespace namespace, EndpointResponses responses, ActuatorCors cors) {
        this.mapping = new EndpointMapping(basePath);
        this.namespace = namespace;
        this.responses = responses;
        this.cors = cors;
    }

    /**
     * @param links whether the base path lists the endpoints (Boot does unless discovery is off,
     *              or the base path is the root of the application's own port)
     */
    static List<Route> of(Collection<ExposableWebEndpoint> endpoints, String basePath, WebServerNamespace namespace,
                          EndpointResponses responses, ActuatorCors cors, boolean links, EndpointMediaTypes mediaTypes) {
        ActuatorRoutes routes = new ActuatorRoutes(basePath, namespace, responses, cors);
        for (ExposableWebEndpoint endpoint : endpoints) {
            for (WebOperation operation : endpoint.getOperations()) {
                routes.add(operation);
            }
        }
        if (links) {
            routes.addLinks(endpoints, basePath, mediaTypes);
        }
        routes.addPreflights();
        return List.copyOf(routes.routes);
    }

    private void add(WebOperation operation) {
        WebOperationRequestPredicate predicate = operation.getRequestPredicate();
        String path = mapping.createSubPath(predicate.getPath());
        add(predicate.getHttpMethod().name(), path, new OperationHandler(operation, namespace, responses));
    }

    private void addLinks(Collection<ExposableWebEndpoint> endpoints, String basePath, EndpointMediaTypes mediaTypes) {
        EndpointLinksResolver resolver = new EndpointLinksResolver(endpoints, basePath);
        add("GET", mapping.getPath().isEmpty() ? "/" : mapping.getPath(), new RequestHandler() {
            @Override
            public void handle(RequestCtx ctx) {
                // Behind a trusted proxy, links point where the client reaches the endpoints.
                String requestUrl = (ctx.isTLS() ? "https://" : "http://") + ctx.host() + ctx.forwardedPrefix() + mapping.getPath();
                responses.write(ctx, 200, null, OperationResponseBody.of(Map.of("_links", resolver.resolveLinks(requestUrl))),
                        mediaTypes.getProduced());
            }

            @Override
            public String toString() {
                return "actuator links";
            }
        });
    }

    private void add(String method, String path, RequestHandler handler) {
        routes.add(new Route(method, path, cors == null ? handler : cors.actual(handler), true));
        paths.add(path);
    }

    private void addPreflights() {
        if (cors != null) {
            for (String path : paths) {
                routes.add(new Route("OPTIONS", path, cors.preflight(), false));
            }
        }
    }
}
