package dev.fasthttp.spring.boot;

import dev.fasthttp.routing.Route;
import java.util.List;

/**
 * A group of routes a bean adds to the auto-configured server, asked for when the server starts:
 * for routes that can only be listed once every bean exists (Actuator's endpoints are served this
 * way). A single route known up front is simpler as a {@link Route} bean.
 */
@FunctionalInterface
public interface FastHttpRoutes {
    List<Route> routes();
}
