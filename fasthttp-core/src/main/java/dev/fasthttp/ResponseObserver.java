package dev.fasthttp;

/**
 * Told about every response the server writes, once it is encoded: for request metrics and
 * access logs. Runs on the event loop, inline, so it must be quick, must not block and, to keep
 * the request path free of garbage, should not allocate.
 *
 * <p>The ctx still holds the request and the response (status, {@link RequestCtx#routeTemplate()});
 * like everything from a ctx it is valid during the call only.
 */
@FunctionalInterface
public interface ResponseObserver {

    /**
     * @param durationNanos from the moment the request head was complete to the moment the
     *                      response was encoded (for a streamed body: its head); 0 for a request
     *                      refused before its head could be parsed
     * @param failure       what the handler threw, or null
     */
    void onResponse(RequestCtx ctx, long durationNanos, Throwable failure);
}
