package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import java.util.List;
import java.util.function.Supplier;

/** A router whose routes are listed when the server starts rather than when it is built. */
final class DeferredRouter implements RequestHandler {

    private final Supplier<List<Route>> routes;
    private volatile Router router;

    DeferredRouter(Supplier<List<Route>> routes) {
        this.routes = routes;
    }

    /** Lists the routes and routes by them from now on; once, however often the server is started. */
    synchronized void build() {
        if (router == null) {
            Router.Builder builder = Router.builder();
            routes.get().forEach(builder::route);
            router = builder.build();
        }
    }

    @Override
    public void handle(RequestCtx ctx) throws Exception {
        router.handle(ctx);
    }
}
