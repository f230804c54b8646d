package dev.fasthttp;

/**
 * Decides, once a request's head has been read, whether its handler gets the body as it arrives
 * ({@link RequestCtx#requestBodyStream()}) instead of whole in memory: Go fasthttp's
 * {@code StreamRequestBody}, per request.
 *
 * <p>A streamed request's handler runs as soon as its head is read, on a virtual thread (reading
 * the body blocks), and reads at its own pace: the server reads from the socket only as the
 * handler asks, so memory per request stays at one buffer
 * ({@link Server.Builder#requestBodyStreamBufferSize}) whatever the body's size, and a handler that
 * stops reading stops the client. The body is limited by
 * {@link Server.Builder#maxStreamedRequestBodySize} instead of
 * {@link Server.Builder#maxRequestBodySize}. Buffered stays the default, and the cheaper path for
 * small bodies.
 *
 * <p>A {@link dev.fasthttp.routing.Router} is one: its {@link dev.fasthttp.routing.Route#streaming()
 * streaming routes} are streamed, and a server whose handler is a router asks it unless another
 * policy is set. Asked only for requests that have a body, on the event loop: it must not block
 * and should not throw.
 */
@FunctionalInterface
public interface RequestBodyStreaming {

    /** Whether {@code ctx}'s body is streamed to its handler; its head, path and headers are readable. */
    boolean streams(RequestCtx ctx);

    /** Every body buffered: the default for a handler that is not a router. */
    RequestBodyStreaming NEVER = ctx -> false;

    /** Every body streamed, so every handler runs on a virtual thread: for servers that mostly take uploads. */
    RequestBodyStreaming ALWAYS = ctx -> true;
}
