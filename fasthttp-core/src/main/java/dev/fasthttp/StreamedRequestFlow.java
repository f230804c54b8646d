package dev.fasthttp;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;

/**
 * A request whose body is read as it arrives ({@link RequestBodyStreaming}), from its head to its
 * response. The handler runs inline when the head is read, as for any request; then
 *
 * <ul>
 *   <li>a handler that went on with {@code runBlocking} (a blocking streaming route) reads the
 *       body from its virtual thread: the connection detaches until it is done;</li>
 *   <li>one that registered a {@link BodyReceiver} gets the body here, on the loop, piece by piece
 *       as demand allows ({@link BodyReception}): the connection waits for bytes or for demand;</li>
 *   <li>one that did neither answered without the body: what is buffered of it is dropped, and
 *       the connection closes if more is on its way.</li>
 * </ul>
 * The connection owns the states; this class decides which, through {@link Host}.
 */
final class StreamedRequestFlow {

    /** What the flow needs of its connection. */
    interface Host {

        /** Runs {@code continuation} on a virtual thread, which then reads what it left of the body: the connection detaches. */
        void offload(RequestCtx c, RequestHandler continuation, StreamedRequestBody body) throws IOException;

        /** The receiver waits for bytes ({@code input}) or for demand: the connection watches its socket so, within the read timeout. */
        void awaitBody(boolean input) throws IOException;

        /** Wakes the connection on its loop to go on receiving {@code c}'s body: demand came from another thread. */
        void wake(RequestCtx c);

        /**
         * The body is done with and the response set: the connection writes it, and closes after it
         * unless {@code bodyComplete} (then the next request begins after the body).
         */
        void bodyDone(RequestCtx c, boolean bodyComplete) throws IOException;
    }

    private final RequestReader reader;
    private final Host host;
    /** The body being received on the loop, or null. */
    private BodyReception reception;

    StreamedRequestFlow(RequestReader reader, Host host) {
        this.reader = reader;
        this.host = host;
    }

    /**
     * Lends the read buffer to {@code c}'s body and runs its handler; {@code onLoop} false for a
     * caller's thread ({@link Server#serveConnection}), which may block.
     */
    void start(Worker worker, RequestCtx c, ByteChannel channel, SocketChannel socket, boolean onLoop) throws IOException {
        ServerSettings settings = worker.settings;
        StreamedRequestBody body = reader.streamBody(c.request(), worker.parser, worker.readBuffers,
                settings.maxStreamedRequestBodySize(), settings.requestBodyStreamBufferSize(), channel, socket);
        c.request().streamBody(body);
        body.whenClientGone(() -> c.cancellation.fire(DoneReason.CLIENT_DISCONNECTED, settings.logger()));
        body.waits(!onLoop); // a loop must not wait for the socket
        HandlerDispatch.runInline(worker, c, worker.settings.handler());
        RequestHandler continuation = c.takeBlockingContinuation();
        BodyReceiver receiver = c.takeBodyReceiver();
        if (continuation != null && onLoop) {
            body.waits(true);
            host.offload(c, continuation, body);
            return;
        }
        if (continuation != null) {
            HandlerDispatch.runBlockingChain(worker, c, continuation);
        } else if (receiver != null && c.failure() == null) {
            reception = new BodyReception(worker, c, body, receiver, () -> host.wake(c));
            pump();
            return;
        }
        body.finish(); // drops what is buffered; closes the connection if more is to come
        done(worker, c);
    }

    /** Back from a virtual thread that read {@code c}'s body: the buffer is the connection's again. */
    boolean endOffloaded(Worker worker, RequestCtx c) {
        return reader.streamed(c.request().streamedBody(), worker.counters());
    }

    /** Whether {@code c}'s body is the one being received here. */
    boolean receives(RequestCtx c) {
        return reception != null && reception.ctx() == c;
    }

    /** Hands the receiver what came, as far as its demand goes; true once the body is done and the response set. */
    boolean pump() throws IOException {
        return settle(reception.pump());
    }

    /** The body stalled for the read timeout: the receiver answers, and the connection will close. */
    void timedOut() throws IOException {
        settle(reception.timedOut());
    }

    /** The connection closed, or opened anew: nothing is being received. */
    void reset() {
        reception = null;
    }

    private boolean settle(BodyReception.Progress progress) throws IOException {
        if (progress != BodyReception.Progress.DONE) {
            host.awaitBody(progress == BodyReception.Progress.NEEDS_INPUT);
            return false;
        }
        RequestCtx c = reception.ctx();
        Worker worker = reception.worker();
        reception = null;
        done(worker, c);
        return true;
    }

    private void done(Worker worker, RequestCtx c) throws IOException {
        host.bodyDone(c, reader.streamed(c.request().streamedBody(), worker.counters()));
    }
}
