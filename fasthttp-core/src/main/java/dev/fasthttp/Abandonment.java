package dev.fasthttp;

import java.nio.ByteBuffer;

/**
 * Answers a request without waiting for its handler, and takes its ctx back once that handler is
 * over. A request is abandoned when its {@link TimeoutHandler} deadline passes while the handler
 * still runs, or when the handler calls {@link RequestCtx#timeoutError} (other threads may still
 * hold the ctx).
 *
 * <ol>
 *   <li>The abandoned ctx keeps the read buffer its request's views point into; the connection
 *       goes on in another buffer with the bytes that came after the request.</li>
 *   <li>A fresh ctx, its request head parsed again from the kept bytes (so the error handler,
 *       the observer and the encoder see the same method, path and version), carries the timeout
 *       response; the connection writes it as any other.</li>
 *   <li>When the handler returns, the loop gives the buffer and the ctx back to their pools;
 *       unless the handler called {@code timeoutError}: then some other thread may still hold
 *       them, and both are left to the garbage collector.</li>
 * </ol>
 * Stateless: what a request needs is in its ctx's {@link Cancellation}. Loop thread only.
 */
final class Abandonment {

    private Abandonment() {
    }

    /**
     * Abandons {@code old} (the request {@code reader} just finished) and returns {@code fresh},
     * reset for the same connection, answering it with the timeout response; the connection's last
     * unless {@code keepAlive}.
     */
    static RequestCtx answer(Worker worker, RequestCtx old, RequestCtx fresh, RequestReader reader, boolean keepAlive) {
        Cancellation cancellation = old.cancellation;
        reader.nextRequest();
        cancellation.hold(reader.handOver(worker.readBuffers));
        Request request = old.request();
        if (request.head.buffer() != null
                && worker.parser.parse(request.head.buffer(), request.head.start(), request.head.end(), fresh.request().head) == null) {
            fresh.request().bind(worker.settings.normalizePath());
        }
        fresh.setRouteTemplate(old.routeTemplate());
        fresh.markStart(old.startNanos());
        int status = cancellation.timeoutStatus();
        fresh.response().resetForError(status);
        HandlerDispatch.writeErrorResponse(worker.settings, fresh, new RequestError(status, cancellation.timeoutMessage(), null, null));
        fresh.response().setBodyStreamWriter(null);
        if (!keepAlive) {
            fresh.response().setConnectionClose();
        }
        return fresh;
    }

    /** Back on the loop once an abandoned request's handler is over: its ctx and buffer go back, if nobody else may hold them. */
    static void handlerReturned(Worker worker, RequestCtx c) {
        ByteBuffer held = c.cancellation.takeHeld();
        if (c.cancellation.handlerChose()) {
            return; // timeoutError: other threads may still read them
        }
        if (held != null) {
            worker.readBuffers.release(held);
        }
        worker.releaseContext(c);
    }
}
