package dev.fasthttp;

/**
 * Writes the response for a request that failed: a malformed request refused before any handler
 * ran, a request a handler rejected ({@link RequestRejectedException}), or a handler that threw.
 *
 * <p>The response has been reset and its status set to {@link RequestError#status()}; the
 * default writes {@link RequestError#reason()} as plain text. For protocol errors the request
 * may be partly or not at all parsed, and the connection closes after the response whatever the
 * handler sets.
 */
@FunctionalInterface
public interface ErrorHandler {

    void handle(RequestCtx ctx, RequestError error);

    /** Status as set, reason as a text body. */
    ErrorHandler DEFAULT = (ctx, error) -> ctx.response()
            .setContentType("text/plain; charset=utf-8")
            .setBodyString(error.reason());
}
