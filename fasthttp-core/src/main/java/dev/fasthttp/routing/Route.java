package dev.fasthttp.routing;

import dev.fasthttp.RequestHandler;
import dev.fasthttp.TimeoutHandler;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One route: a method, a path template and its handler; {@link #blocking()} makes the handler run
 * on a virtual thread, where it may block; {@link #streaming()} gives it the request body as it
 * arrives; {@link #timeout(Duration)} gives it a time limit.
 *
 * @param streamsRequestBody whether the body is streamed to the handler ({@link dev.fasthttp.RequestBodyStreaming})
 * @param timeout            the handler's time limit ({@link TimeoutHandler}), or null for none
 */
public record Route(String method, String template, RequestHandler handler, boolean isBlocking, boolean streamsRequestBody,
                    Duration timeout) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
        method = method.toUpperCase(Locale.ROOT);
        if (method.isEmpty() || !method.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("invalid method: " + method);
        }
        RouteTemplate.parse(template); // fail now, naming the template
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout + " for " + method + " " + template);
        }
    }

    /** A route whose body, if any, is buffered, without a time limit. */
    public Route(String method, String template, RequestHandler handler, boolean isBlocking) {
        this(method, template, handler, isBlocking, false, null);
    }

    public static Route get(String template, RequestHandler handler) {
        return new Route("GET", template, handler, false);
    }

    public static Route post(String template, RequestHandler handler) {
        return new Route("POST", template, handler, false);
    }

    /** The same route, its handler run on a virtual thread. */
    public Route blocking() {
        return new Route(method, template, handler, true, streamsRequestBody, timeout);
    }

    /**
     * The same route, its body streamed to the handler as it arrives, never whole in memory: for
     * uploads. Run {@link #blocking()} (as this makes it), the handler reads it with
     * {@link dev.fasthttp.RequestCtx#requestBodyStream()} on a virtual thread; made inline again
     * with {@link #onEventLoop()}, it receives it with {@link dev.fasthttp.RequestCtx#receiveBody}.
     * See {@link dev.fasthttp.RequestBodyStreaming}.
     */
    public Route streaming() {
        return new Route(method, template, handler, true, true, timeout);
    }

    /** The same route, its handler run inline on the event loop (the default): for a streaming route, one that receives its body piece by piece. */
    public Route onEventLoop() {
        return new Route(method, template, handler, false, streamsRequestBody, timeout);
    }

    /**
     * The same route, its handler run on a virtual thread and answered with 503 (and
     * {@link TimeoutHandler#DEFAULT_MESSAGE}, through the server's error handler) if it runs longer
     * than {@code timeout}: {@link TimeoutHandler}.
     */
    public Route timeout(Duration timeout) {
        return new Route(method, template, handler, isBlocking, streamsRequestBody, Objects.requireNonNull(timeout, "timeout"));
    }

    /** The handler the router calls: wrapped by a {@link TimeoutHandler} when the route has a timeout. */
    RequestHandler effectiveHandler() {
        return timeout == null ? handler : TimeoutHandler.wrap(handler, timeout, TimeoutHandler.DEFAULT_MESSAGE);
    }

    @Override
    public String toString() {
        return method + " " + template + (isBlocking ? " (blocking)" : "") + (streamsRequestBody ? " (streaming)" : "")
                + (timeout != null ? " (timeout " + timeout + ")" : "");
    }
}
