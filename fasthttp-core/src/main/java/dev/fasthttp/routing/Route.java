package dev.fasthttp.routing;

import dev.fasthttp.RequestHandler;
import java.util.Locale;
import java.util.Objects;

/**
 * One route: a method, a path template and its handler; {@link #blocking()} makes the handler run
 * on a virtual thread, where it may block; {@link #streaming()} also gives it the request body as
 * it arrives.
 */
public record Route(String method, String template, RequestHandler handler, boolean isBlocking, boolean streamsRequestBody) {

    /** A route whose body, if any, is buffered. */
    public Route(String method, String template, RequestHandler handler, boolean isBlocking) {
        this(method, template, handler, isBlocking, false);
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
        method = method.toUpperCase(Locale.ROOT);
        if (method.isEmpty() || !method.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("invalid method: " + method);
        }
        RouteTemplate.parse(template); // fail now, naming the template
        isBlocking |= streamsRequestBody; // reading a body as it arrives blocks
    }

    public static Route get(String template, RequestHandler handler) {
        return new Route("GET", template, handler, false);
    }

    public static Route post(String template, RequestHandler handler) {
        return new Route("POST", template, handler, false);
    }

    /** The same route, its handler run on a virtual thread. */
    public Route blocking() {
        return new Route(method, template, handler, true, streamsRequestBody);
    }

    /**
     * The same route, its handler run on a virtual thread as soon as the head is read and given
     * the body as it arrives ({@link dev.fasthttp.RequestCtx#requestBodyStream()}), never whole
     * in memory: for uploads. See {@link dev.fasthttp.RequestBodyStreaming}.
     */
    public Route streaming() {
        return new Route(method, template, handler, true, true);
    }

    @Override
    public String toString() {
        return method + " " + template + (streamsRequestBody ? " (streaming)" : isBlocking ? " (blocking)" : "");
    }
}
