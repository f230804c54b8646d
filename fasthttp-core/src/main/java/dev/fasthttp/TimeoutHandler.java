package dev.fasthttp;

import java.time.Duration;
import java.util.Objects;

/**
 * Answers for a handler that takes too long: Go fasthttp's {@code TimeoutHandler}.
 *
 * <pre>{@code
 * Server.builder().handler(TimeoutHandler.wrap(slowHandler, Duration.ofSeconds(2), "Too slow, try again"))
 * }</pre>
 *
 * <ol>
 *   <li>The wrapped handler runs on a virtual thread, as a {@linkplain RequestHandler#blocking
 *       blocking} one does, and its clock starts when the wrapper runs.</li>
 *   <li>It returns in time: its response is written as usual.</li>
 *   <li>It overruns: the client gets {@code status} (503 Service Unavailable by default) with
 *       {@code message}, written through the server's {@link ErrorHandler} from a <b>fresh</b>
 *       ctx, or the response the handler chose with {@link RequestCtx#timeoutError}. The
 *       handler's ctx is abandoned: its done signal fires ({@link RequestCtx#isDone()},
 *       {@link DoneReason#TIMEOUT}), its virtual thread is interrupted, nothing it writes reaches
 *       the client, and the ctx (with the input its views point into) goes back to the pool only
 *       once the handler has returned, so no other request ever shares it.</li>
 *   <li>The connection goes on with the client's next request, as Go's fasthttp does: the
 *       response was complete and correctly framed, so there is no reason to close it.</li>
 * </ol>
 *
 * <p>Go's fasthttp answers 408 by default; this one answers 503, as Go's {@code net/http} does:
 * 408 says the client was slow to send its request, and clients treat it so (many close the
 * connection or resend). Counted as {@link TimeoutKind#HANDLER}.
 *
 * <p>A handler that ignores interrupts keeps its virtual thread, ctx and input buffer until it
 * returns. On a connection served on a caller's thread ({@link Server#serveConnection}) the
 * handler runs on that thread and the timeout is not enforced. If timeouts nest, the one armed
 * last applies.
 */
public final class TimeoutHandler implements RequestHandler {

    /** The status of a timeout response unless one is chosen: 503 Service Unavailable. */
    public static final int DEFAULT_STATUS = 503;
    /** The message of a route's timeout response ({@code Route#timeout}). */
    public static final String DEFAULT_MESSAGE = "Handler timed out";

    private final RequestHandler handler;
    private final Duration timeout;
    private final long timeoutNanos;
    private final String message;
    private final int status;

    private TimeoutHandler(RequestHandler handler, Duration timeout, String message, int status) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.timeout = ServerSettings.positive(timeout, "timeout");
        this.timeoutNanos = timeout.toNanos();
        this.message = Objects.requireNonNull(message, "message");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        this.status = status;
    }

    /** {@code handler}, answered with 503 and {@code message} if it runs longer than {@code timeout}. */
    public static RequestHandler wrap(RequestHandler handler, Duration timeout, String message) {
        return new TimeoutHandler(handler, timeout, message, DEFAULT_STATUS);
    }

    /** {@code handler}, answered with {@code status} and {@code message} if it runs longer than {@code timeout}. */
    public static RequestHandler wrap(RequestHandler handler, Duration timeout, String message, int status) {
        return new TimeoutHandler(handler, timeout, message, status);
    }

    @Override
    public void handle(RequestCtx ctx) {
        ctx.cancellation.arm(timeoutNanos, message, status);
        ctx.runBlocking(handler);
    }

    /** The handler it wraps. */
    public RequestHandler handler() {
        return handler;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "timeout(" + timeout + ", " + handler + ")";
    }
}
