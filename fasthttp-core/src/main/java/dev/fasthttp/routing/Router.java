package dev.fasthttp.routing;

import dev.fasthttp.PathParams;
import dev.fasthttp.RequestBodyStreaming;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.bytes.ByteView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Routes requests by method and path template to handlers: static paths, named parameters
 * ({@code /users/{id}}, read with {@link RequestCtx#pathParam(String)}) and a trailing catch-all
 * ({@code /files/{*path}}).
 *
 * <pre>{@code
 * Router router = Router.builder()
 *         .get("/users/{id}", ctx -> ctx.setBodyString("user " + ctx.pathParam("id")))
 *         .post("/users", users::create)
 *         .route(Route.get("/reports/{name}", reports::render).blocking())
 *         .route(Route.post("/uploads", uploads::store).streaming())
 *         .route(Route.get("/search", search::run).timeout(Duration.ofSeconds(2))) // 503 when slower
 *         .build();
 * Server.builder().handler(router)...
 * }</pre>
 *
 * <ul>
 *   <li>Static beats parameter beats catch-all at each position, with backtracking.</li>
 *   <li>No route: 404 (or the {@link Builder#notFound} handler). The path matches but not the
 *       method: 405 (or the {@link Builder#methodNotAllowed} handler) with an {@code Allow} header. HEAD is served by the GET handler unless a HEAD
 *       route exists.</li>
 *   <li>With {@link Builder#redirectTrailingSlash}, a miss that would match with the trailing
 *       slash added or removed is redirected there (301 for GET and HEAD, 308 otherwise).</li>
 *   <li>Conflicting routes (same method and template, or one parameter given two names) fail at
 *       {@link Builder#build()}, naming both.</li>
 *   <li>Lookup allocates nothing. The matched template is set on the ctx
 *       ({@link RequestCtx#routeTemplate()}) for the handler and for metrics.</li>
 * </ul>
 *
 * A router is immutable once built and safe to share between event loops.
 */
public final class Router implements RequestHandler, RequestBodyStreaming {

    private final Node root;
    private final List<Route> routes;
    private final boolean redirectTrailingSlash;
    private final RequestHandler notFound;
    private final RequestHandler methodNotAllowed;
    private final boolean anyStreaming;

    private Router(Builder b) {
        this.root = new Node(new byte[0]);
        this.routes = List.copyOf(b.routes);
        this.redirectTrailingSlash = b.redirectTrailingSlash;
        this.notFound = b.notFound;
        this.methodNotAllowed = b.methodNotAllowed;
        this.anyStreaming = routes.stream().anyMatch(Route::streamsRequestBody);
        for (Route route : routes) {
            insert(route);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The routes, in registration order. */
    public List<Route> routes() {
        return routes;
    }

    private void insert(Route route) {
        RouteTemplate template = RouteTemplate.parse(route.template());
        Node node = root;
        for (RouteTemplate.Part part : template.parts()) {
            node = switch (part.kind()) {
                case STATIC -> node.staticChild(part.bytes(), 0);
                case PARAM -> node.paramChild(part.name(), route.template());
                case CATCH_ALL -> node.catchAllChild(part.name(), route.template());
            };
        }
        if (node.endpoint == null) {
            node.endpoint = new Endpoint(route.template());
        }
        // A route with a timeout runs on a virtual thread already: its TimeoutHandler hands it over.
        node.endpoint.add(route.method(), route.effectiveHandler(), route.isBlocking() && route.timeout() == null,
                route.streamsRequestBody(), route.template());
    }

    @Override
    public void handle(RequestCtx ctx) throws Exception {
        ByteView path = ctx.path();
        PathParams params = ctx.pathParams();
        params.truncate(0);
        Node node = root.match(path.array(), path.offset(), path.offset() + path.length(), path.offset(), params);
        if (node == null) {
            if (!redirectTrailingSlash || !redirectedToOtherSlash(ctx, path)) {
                notFound.handle(ctx);
            }
            return;
        }
        Endpoint endpoint = node.endpoint;
        ctx.setRouteTemplate(endpoint.template);
        int i = endpoint.find(ctx.method());
        if (i < 0) {
            methodNotAllowed.handle(ctx);
            ctx.response().headers().set("Allow", endpoint.allow());
            return;
        }
        if (endpoint.blocking(i)) {
            ctx.runBlocking(endpoint.handler(i));
        } else {
            endpoint.handler(i).handle(ctx);
        }
    }

    /**
     * Whether {@code ctx} goes to a {@link Route#streaming() streaming route}: the server asks
     * before reading the body. Costs nothing for a router without one; a lookup otherwise, which
     * {@link #handle} repeats.
     */
    @Override
    public boolean streams(RequestCtx ctx) {
        if (!anyStreaming) {
            return false;
        }
        ByteView path = ctx.path();
        PathParams params = ctx.pathParams();
        params.truncate(0);
        Node node = root.match(path.array(), path.offset(), path.offset() + path.length(), path.offset(), params);
        if (node == null) {
            return false;
        }
        int i = node.endpoint.find(ctx.method());
        return i >= 0 && node.endpoint.streaming(i);
    }

    /** Redirects to the path with its trailing slash added or removed, if that matches a route. */
    private boolean redirectedToOtherSlash(RequestCtx ctx, ByteView path) {
        byte[] other = otherSlash(path);
        if (other == null) {
            return false;
        }
        PathParams params = ctx.pathParams();
        Node node = root.match(other, 0, other.length, 0, params);
        params.truncate(0);
        if (node == null) {
            return false;
        }
        String original = ctx.uri().pathOriginal().toString();
        String location = original.endsWith("/") ? original.substring(0, original.length() - 1) : original + "/";
        ByteView query = ctx.uri().queryString();
        if (!query.isEmpty()) {
            location = location + "?" + query;
        }
        ctx.redirect(location, ctx.isGet() || ctx.isHead() ? 301 : 308);
        return true;
    }

    private static byte[] otherSlash(ByteView path) {
        int n = path.length();
        if (n > 1 && path.byteAt(n - 1) == '/') {
            return Arrays.copyOfRange(path.array(), path.offset(), path.offset() + n - 1);
        }
        if (n == 0) {
            return null;
        }
        byte[] longer = Arrays.copyOfRange(path.array(), path.offset(), path.offset() + n + 1);
        longer[n] = '/';
        return longer;
    }

    @Override
    public String toString() {
        return "Router" + routes;
    }

    /** Collects routes; {@link #build()} checks them all and builds the tree. */
    public static final class Builder {

        private final List<Route> routes = new ArrayList<>();
        private boolean redirectTrailingSlash;
        private RequestHandler notFound = RequestCtx::notFound;
        private RequestHandler methodNotAllowed = ctx -> ctx.error("Method Not Allowed", 405);

        private Builder() {
        }

        public Builder route(Route route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        public Builder route(String method, String template, RequestHandler handler) {
            return route(new Route(method, template, handler, false));
        }

        public Builder get(String template, RequestHandler handler) {
            return route("GET", template, handler);
        }

        public Builder post(String template, RequestHandler handler) {
            return route("POST", template, handler);
        }

        public Builder put(String template, RequestHandler handler) {
            return route("PUT", template, handler);
        }

        public Builder patch(String template, RequestHandler handler) {
            return route("PATCH", template, handler);
        }

        public Builder delete(String template, RequestHandler handler) {
            return route("DELETE", template, handler);
        }

        public Builder head(String template, RequestHandler handler) {
            return route("HEAD", template, handler);
        }

        public Builder options(String template, RequestHandler handler) {
            return route("OPTIONS", template, handler);
        }

        /** Redirects a miss to the same path with its trailing slash added or removed, when that matches. Default false. */
        public Builder redirectTrailingSlash(boolean redirect) {
            this.redirectTrailingSlash = redirect;
            return this;
        }

        /** Serves requests no route matches. Default: {@link RequestCtx#notFound()}. */
        public Builder notFound(RequestHandler handler) {
            this.notFound = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Answers a path that matches with a method none of its routes take; the router adds the
         * {@code Allow} header after it. Default: 405 with the reason as text.
         */
        public Builder methodNotAllowed(RequestHandler handler) {
            this.methodNotAllowed = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The router. Fails with {@link IllegalArgumentException} on an invalid template or conflicting routes. */
        public Router build() {
            return new Router(this);
        }
    }
}
