package dev.fasthttp;

/**
 * A request handed to a virtual thread, and its way back: a blocking handler chain, or a
 * streamed body, runs off the loop; then the connection resumes on its loop with the result.
 *
 * <p>Connection objects are pooled, so each hand-off remembers the generation it began in: work
 * that finishes after its connection closed (a shutdown cut it) finds a newer generation, and the
 * connection then only gives the context back.
 */
final class Offload {

    private final ServerConnection connection;
    private int generation;

    Offload(ServerConnection connection) {
        this.connection = connection;
    }

    /**
     * The connection closed: whatever still runs off the loop belongs to its past. The request
     * {@code detached} (if any) is done: the shutdown cut it, or else the client left.
     */
    void closed(Worker worker, RequestCtx detached) {
        generation++;
        if (detached != null) {
            detached.cancellation.fire(worker.server.state.draining() ? DoneReason.SHUTDOWN : DoneReason.CLIENT_DISCONNECTED,
                    worker.settings.logger());
        }
    }

    /**
     * Runs {@code handler}'s blocking chain on a virtual thread, then resumes the connection; or,
     * if the request was answered without it meanwhile (it overran its {@link TimeoutHandler}
     * timeout), gives its ctx back: {@link Abandonment}. The done signal interrupts that thread.
     */
    void runBlocking(Worker worker, RequestCtx c, RequestHandler handler) {
        runBlocking(worker, c, handler, null);
    }

    /**
     * As {@link #runBlocking(Worker, RequestCtx, RequestHandler)} for a request whose body is
     * streamed to the handler: then reads what it left of the body, on the same thread.
     */
    void runBlocking(Worker worker, RequestCtx c, RequestHandler handler, StreamedRequestBody body) {
        int gen = generation;
        worker.startVirtualThread(() -> {
            c.cancellation.startRun(Thread.currentThread(), () -> worker.loop().execute(() -> connection.checkOverrun(c)));
            try {
                HandlerDispatch.runBlockingChain(worker, c, handler);
                if (body != null) {
                    body.finish();
                }
            } finally {
                c.cancellation.endRun();
            }
            worker.loop().execute(() -> {
                if (c.cancellation.abandoned()) {
                    Abandonment.handlerReturned(worker, c);
                } else {
                    connection.resume(c, gen == generation, null, true);
                }
            });
        });
    }

    /** Writes {@code stream} on a virtual thread, then resumes the connection. */
    void stream(Worker worker, RequestCtx c, StreamedBody stream) {
        int gen = generation;
        worker.startVirtualThread(() -> {
            boolean ok = stream.run();
            worker.loop().execute(() -> connection.resume(c, gen == generation, stream, ok));
        });
    }
}
