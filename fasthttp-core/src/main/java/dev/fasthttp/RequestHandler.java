package dev.fasthttp;

/**
 * Serves one request: reads it from the {@link RequestCtx} and fills in the response there.
 *
 * <p>By default a handler runs inline on the event loop that read the request: the fastest path,
 * and the one that allocates nothing. It must therefore not block; a handler that waits on I/O,
 * locks or sleeps stalls every connection of its loop (the server logs a warning when a loop is
 * stalled longer than {@link Server.Builder#stallWarningThreshold}). Wrap such a handler with
 * {@link #blocking(RequestHandler)}, or hand off from inside one with
 * {@link RequestCtx#runBlocking(RequestHandler)}; give one a time limit with
 * {@link TimeoutHandler#wrap}. A handler off the loop learns that its request is over (the client
 * left, the time limit passed, the server shut down) from {@link RequestCtx#isDone()}, and by an
 * interrupt of its virtual thread.
 *
 * <p>Everything the ctx hands out is valid only until this method returns.
 */
@FunctionalInterface
public interface RequestHandler {

    void handle(RequestCtx ctx) throws Exception;

    /**
     * A handler that runs {@code handler} on a virtual thread, where it may block. The loop goes on
     * serving other connections meanwhile, and writes the response when {@code handler} returns.
     */
    static RequestHandler blocking(RequestHandler handler) {
        return new BlockingHandler(handler);
    }

    /** Gives a handler a name, which stall warnings and logs use instead of a lambda's class name. */
    static RequestHandler named(String name, RequestHandler handler) {
        return new RequestHandler() {
            @Override
            public void handle(RequestCtx ctx) throws Exception {
                handler.handle(ctx);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
