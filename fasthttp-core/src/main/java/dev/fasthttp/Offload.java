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

    /** The connection closed: whatever still runs off the loop belongs to its past. */
    void closed() {
        generation++;
    }

    /** Runs {@code handler}'s blocking chain on a virtual thread, then resumes the connection. */
    void runBlocking(Worker worker, RequestCtx c, RequestHandler handler) {
        int gen = generation;
        worker.startVirtualThread(() -> {
            HandlerDispatch.runBlockingChain(worker, c, handler);
            worker.loop().execute(() -> connection.resume(c, gen == generation, null, true));
        });
    }

    /**
     * Runs {@code handler}'s chain on a virtual thread as soon as the head is read, the body
     * streamed to it; then reads what it left of the body, and resumes the connection.
     */
    void runStreamed(Worker worker, RequestCtx c, RequestHandler handler, StreamedRequestBody body) {
        int gen = generation;
        worker.startVirtualThread(() -> {
            HandlerDispatch.runBlockingChain(worker, c, handler);
            body.finish();
            worker.loop().execute(() -> connection.resume(c, gen == generation, null, true));
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
