package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.ErrorHandler;
import dev.fasthttp.RequestBodyStreaming;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestError;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import dev.fasthttp.spring.boot.FastHttpRoute;
import dev.fasthttp.spring.boot.autoconfigure.binding.TypedHandlers;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Finds the routes the application declares with {@link FastHttpRoute}, on handler beans and on
 * bean methods, as the beans are created; then, when the server starts, builds the router from
 * them and from any {@link Route} beans, and serves requests through it.
 *
 * <p>Two claims on the same method and path fail start-up, naming both beans.
 */
public class RouteDiscovery implements BeanPostProcessor, RequestHandler, RequestBodyStreaming {

    private static final RequestError NOT_FOUND = new RequestError(404, "Not Found", null, null);
    private static final RequestError METHOD_NOT_ALLOWED = new RequestError(405, "Method Not Allowed", null, null);

    /** "GET /users/{id}" → the route as declared. */
    private final Map<String, RouteDescription> claims = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    /** Methods with typed parameters or results, bound when the router is built, once their services exist. */
    private final List<TypedMethod> typed = new ArrayList<>();
    private volatile Router router;

    private record TypedMethod(Object bean, Method method, FastHttpRoute route, String where, Duration timeout) {
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        if (!AnnotationUtils.isCandidateClass(type, FastHttpRoute.class)) {
            return bean; // JDK and other classes that cannot carry the annotation: not worth introspecting
        }
        FastHttpRoute onType = AnnotatedElementUtils.findMergedAnnotation(type, FastHttpRoute.class);
        if (onType != null) {
            if (!(bean instanceof RequestHandler handler)) {
                throw new IllegalStateException("bean '" + beanName + "' (" + type.getName() + ") is annotated with @FastHttpRoute"
                        + " but does not implement RequestHandler");
            }
            add(onType, handler, "bean '" + beanName + "' (" + type.getName() + ")");
        }
        Map<Method, FastHttpRoute> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<FastHttpRoute>) m -> AnnotatedElementUtils.findMergedAnnotation(m, FastHttpRoute.class));
        methods.forEach((method, route) -> {
            String where = "bean '" + beanName + "' method " + type.getSimpleName() + "." + method.getName() + "("
                    + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            if (TypedHandlers.isPlain(method) && route.consumes().length == 0 && route.produces().length == 0
                    && !AnnotatedElementUtils.hasAnnotation(method, ResponseStatus.class)) {
                add(route, MethodHandlers.of(bean, invocable, where), where);
            } else {
                addTyped(new TypedMethod(bean, invocable, route, where, parseTimeout(route, where)));
            }
        });
        return bean;
    }

    /** The annotation's {@code timeout}, or null for none; a malformed one fails start-up, naming {@code where}. */
    static Duration parseTimeout(FastHttpRoute annotation, String where) {
        String text = annotation.timeout().strip();
        if (text.isEmpty()) {
            return null;
        }
        Duration timeout;
        try {
            timeout = DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) { // its message says less than ours: ours is the root cause
            throw new IllegalStateException("@FastHttpRoute(value = \"" + annotation.value() + "\", timeout = \"" + text + "\") on "
                    + where + ": the timeout is not a duration; write it as \"2s\", \"500ms\" or \"PT2S\"");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("@FastHttpRoute(value = \"" + annotation.value() + "\", timeout = \"" + text + "\") on "
                    + where + ": the timeout must be positive");
        }
        return timeout;
    }

    private synchronized void add(FastHttpRoute annotation, RequestHandler handler, String where) {
        Duration timeout = parseTimeout(annotation, where);
        for (String method : annotation.method()) {
            Route route = new Route(method.toUpperCase(Locale.ROOT), annotation.value(), handler,
                    annotation.blocking() || annotation.streaming(), annotation.streaming(), timeout);
            claim(RouteDescription.of(route, where));
            routes.add(route);
        }
    }

    /** Claims the routes now, so that conflicts are reported as early as for plain methods; binds them later. */
    private synchronized void addTyped(TypedMethod method) {
        for (String httpMethod : method.route.method()) {
            claim(new RouteDescription(httpMethod.toUpperCase(Locale.ROOT), method.route.value(), method.where,
                    method.route.blocking() || method.route.streaming(), method.route.streaming(), timeoutText(method.timeout),
                    List.of(method.route.consumes()), List.of(method.route.produces())));
        }
        typed.add(method);
    }

    private void claim(RouteDescription route) {
        String key = route.method() + " " + route.template();
        RouteDescription earlier = claims.putIfAbsent(key, route);
        if (earlier != null) {
            throw new IllegalStateException("two handlers claim " + key + ": " + earlier.handler() + " and " + route.handler());
        }
    }

    /** The routes found so far. */
    public synchronized List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Every route as declared, for Actuator's {@code mappings}: method, template, who handles it, media types. */
    public synchronized List<RouteDescription> describe() {
        return List.copyOf(claims.values());
    }

    /**
     * One route as declared.
     *
     * @param handler   the bean and method (or Route bean) that handles it
     * @param blocking  whether it runs on a virtual thread (a streaming route does)
     * @param streaming whether it reads the request body as it arrives rather than whole
     * @param timeout   its timeout as an ISO-8601 duration ({@code PT2S}), or null for none
     * @param consumes  the request media types a typed method takes; empty for any
     * @param produces  the media types a typed method answers in; empty for what it returns
     */
    public record RouteDescription(String method, String template, String handler, boolean blocking, boolean streaming,
                                   String timeout, List<String> consumes, List<String> produces) {

        static RouteDescription of(Route route, String handler) {
            return new RouteDescription(route.method(), route.template(), handler, route.isBlocking(), route.streamsRequestBody(),
                    timeoutText(route.timeout()), List.of(), List.of());
        }
    }

    private static String timeoutText(Duration timeout) {
        return timeout == null ? null : timeout.toString();
    }

    /**
     * Builds the router from the discovered routes and {@code extra} ones (Route beans), once,
     * before the server starts; {@code errors} answers the paths no route matches (404) and the
     * methods a path's routes do not take (405, after the router has set {@code Allow}). A conflict the router finds (one parameter given two names) is
     * reported with the beans that declared the routes. Blocking routes' handlers, and those of
     * routes with a timeout (they run on a virtual thread too), are wrapped with {@code wrapBlocking}, to run with what the thread they run on must know of the request.
     * Methods with typed parameters or results are bound by {@code binder} first.
     */
    synchronized Router build(List<Route> extra, boolean redirectTrailingSlash, ErrorHandler errors,
                              UnaryOperator<RequestHandler> wrapBlocking, Supplier<TypedHandlers> binder) {
        if (!typed.isEmpty()) {
            TypedHandlers handlers = binder.get();
            for (TypedMethod method : typed) {
                RequestHandler handler = handlers.bind(method.bean, method.method, method.route.value(), method.route.consumes(),
                        method.route.produces(), method.where);
                for (String httpMethod : method.route.method()) {
                    routes.add(new Route(httpMethod.toUpperCase(Locale.ROOT), method.route.value(), handler,
                            method.route.blocking() || method.route.streaming(), method.route.streaming(), method.timeout));
                }
            }
            typed.clear();
        }
        Router.Builder builder = Router.builder().redirectTrailingSlash(redirectTrailingSlash)
                .notFound(ctx -> errors.handle(ctx, NOT_FOUND))
                .methodNotAllowed(ctx -> errors.handle(ctx, METHOD_NOT_ALLOWED));
        for (Route route : extra) {
            claim(RouteDescription.of(route, "Route bean " + route));
            routes.add(route);
        }
        for (Route route : routes) {
            // A route with a timeout runs on a virtual thread too.
            builder.route(route.isBlocking() || route.timeout() != null
                    ? new Route(route.method(), route.template(), wrapBlocking.apply(route.handler()), route.isBlocking(),
                            route.streamsRequestBody(), route.timeout())
                    : route);
        }
        try {
            router = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + "; declared by: " + declarers(e.getMessage()), e);
        }
        return router;
    }

    private String declarers(String message) {
        List<String> found = new ArrayList<>();
        claims.forEach((key, route) -> {
            if (message.contains(route.template())) {
                found.add(key + " in " + route.handler());
            }
        });
        return String.join("; ", found);
    }

    @Override
    public void handle(RequestCtx ctx) throws Exception {
        router.handle(ctx);
    }

    /** Whether the request goes to a {@link FastHttpRoute#streaming() streaming} route: asked by the server before it reads a body. */
    @Override
    public boolean streams(RequestCtx ctx) {
        return router.streams(ctx);
    }

    @Override
    public String toString() {
        return "routes discovered by fasthttp: " + routes;
    }
}
