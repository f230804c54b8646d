package dev.fasthttp;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.http1.ChunkedDecoder;
import dev.fasthttp.internal.http1.HeadScanner;
import dev.fasthttp.internal.http1.RequestHead;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection speaking HTTP/1.1: reads requests, runs the handler, writes responses.
 *
 * <pre>
 *             +-------------------- response written, next request ------------------+
 *             v                                                                       |
 *  open --> READING --head + body complete--> handler (inline) --response encoded-----+
 *             |  ^                               |                                    |
 *             |  |                    runBlocking / stream writer                     |
 *             |  |                               v                                    |
 *             |  +--------- done ----------- DETACHED (a virtual thread owns the ctx)  |
 *             |     (client gone, handler timeout, shutdown cut: the ctx's done signal, Cancellation)
 *             |                                                                       |
 *             |  head of a streamed body: handler inline, then DETACHED (it reads the body off
 *             |  the loop) or RECEIVING (a BodyReceiver takes it here, as demand allows) --> READING
 *             |                                                                       |
 *             |  socket buffer full: WRITING --drained--> READING (pipelined bytes first)
 *             |
 *             +--refused / Connection: close / timeout--> LINGERING (output shut, input drained) --> CLOSED
 * </pre>
 *
 * <p>All of it runs on the worker's loop thread (or, for {@link Server#serveConnection}, on the
 * caller's thread with a blocking channel). This class owns the states and every transition but
 * the connection's end (lingering, closing: {@link LoopConnection}), and the timeouts that force
 * one; the mechanisms are its parts: {@link RequestReader} (the input and its framing),
 * {@link HandlerDispatch} (running handlers, errors as responses), {@link ResponseWriter} (output,
 * and what the socket did not take yet), {@link StreamedRequestFlow} (bodies read as they arrive).
 * Requests already buffered (pipelining) are all served before the responses are flushed in one
 * write.
 *
 * <p>Connection objects are pooled, and reused once closed: {@link Offload} tells work that
 * finishes late on a virtual thread whether the connection it began on is still the same one.
 */
final class ServerConnection extends LoopConnection {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final RequestReader reader;
    private final ResponseWriter writer;
    private final Offload offload = new Offload(this);

    ServerConnection prev;
    ServerConnection next;

    /** The request being read or served: set once its head is parsed, cleared once its response is out. */
    private RequestCtx ctx;
    private final StreamedRequestFlow streamedFlow;

    ServerConnection(Worker worker) {
        super(worker);
        this.reader = new RequestReader(settings);
        this.writer = new ResponseWriter(settings.writeBufferSize());
        this.streamedFlow = new StreamedRequestFlow(reader, new StreamedHost());
    }

    @Override
    void open(ByteChannel channel, SocketChannel socket, InetSocketAddress remote, long id, boolean admitted) {
        super.open(channel, socket, remote, id, admitted);
        this.ctx = null;
        streamedFlow.reset();
        reader.reset();
        writer.reset();
    }

    // ---- events ------------------------------------------------------------------------------

    @Override
    void onReadable() {
        try {
            if (state == State.RECEIVING) {
                receive(ctx);
            } else if (state == State.DETACHED) {
                if (DetachedInput.read(worker, channel, reader, key, ctx)) {
                    clientClosing = closeAfterWrite = true; // the client left: its response is the last
                }
            } else if (state == State.READING && read()) {
                serveBuffered();
            }
        } catch (IOException e) {
            close();
        }
    }

    @Override
    void onWritable() {
        try {
            if (state != State.WRITING || !continueWriting()) {
                return;
            }
            if (closeAfterWrite) {
                closeAfterLastResponse();
                return;
            }
            attach();
            serveBuffered(); // requests that arrived pipelined while we were writing
        } catch (IOException e) {
            close();
        }
    }

    /**
     * Serves the whole connection on the calling thread; the channel blocks. The worker lent by
     * {@code lender} is given back before each read, which may wait for long, and another is
     * borrowed once bytes came: while it waits, the connection holds only its read buffer.
     */
    void serveBlocking(DirectWorkers lender) throws IOException {
        try {
            while (state == State.READING) {
                ByteBuffer in = reader.prepareToRead(worker.readBuffers);
                lender.giveBack(worker);
                worker = null;
                int n;
                try {
                    n = channel.read(in);
                } finally {
                    worker = lender.borrow();
                }
                if (took(n)) {
                    serveBuffered();
                }
            }
        } finally {
            Worker last = worker;
            close();
            lender.giveBack(last);
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Reads once; false if nothing came (or the peer closed, which closes the connection). */
    private boolean read() throws IOException {
        return took(channel.read(reader.prepareToRead(worker.readBuffers)));
    }

    /** Accounts for a read of {@code n} bytes; false if nothing came (or the peer closed, which closes the connection). */
    private boolean took(int n) {
        if (n <= 0) {
            if (n < 0) {
                close();
            }
            return false;
        }
        reader.took(n);
        worker.counters().add(Counters.BYTES_READ, n);
        return true;
    }

    /** Serves every complete request buffered, flushes their responses, then settles the connection's wait. */
    private void serveBuffered() throws IOException {
        processInput();
        flush();
        afterProcessing();
    }

    /** Parses and serves every complete request in the buffer. */
    private void processInput() throws IOException {
        while (state == State.READING && !closeAfterWrite) {
            if (ctx == null) {
                int headEnd = reader.scanHead();
                if (headEnd == HeadScanner.NEED_MORE) {
                    return;
                }
                if (headEnd == HeadScanner.ERROR) {
                    refuse(reader.headError());
                    return;
                }
                if (!beginRequest(headEnd)) {
                    continue; // refused, or streamed: the loop's condition says whether more can be served
                }
            }
            int requestEnd = reader.completeBody(ctx.request());
            if (requestEnd == ChunkedDecoder.NEED_MORE) {
                reader.awaitBody(ctx.request().head, worker.readBuffers);
                return;
            }
            if (requestEnd == ChunkedDecoder.ERROR) {
                refuse(reader.bodyError());
                return;
            }
            serve(requestEnd);
        }
    }

    /**
     * The head is complete: parse it, check the framing, answer Expect. A request whose body is
     * streamed is handed to its handler now; false then, as for a refusal: nothing more to do here.
     */
    private boolean beginRequest(int headEnd) throws IOException {
        identity.countRequest();
        ctx = newContext();
        identity.notify(settings, ConnectionState.ACTIVE);
        ProtocolError error = reader.admit(ctx, headEnd, worker.parser);
        if (error != null) {
            refuse(error);
            return false;
        }
        if (settings.responseObserver() != null) {
            ctx.markStart(System.nanoTime());
        }
        RequestHead head = ctx.request().head;
        if (head.expectContinue() && head.minorVersion() >= 1 && reader.bodyExpected()) {
            // Asked whatever the split: a client may send the body without waiting (RFC 9110 10.1.1),
            // and that must not get it past a refusal.
            if (!settings.continueHandler().accept(ctx)) {
                refuse(ProtocolError.EXPECTATION_FAILED);
                return false;
            }
            if (reader.streamsBody() || reader.completeBody(ctx.request()) == ChunkedDecoder.NEED_MORE) {
                worker.out.append(CONTINUE);
                flush();
            }
        }
        if (reader.streamsBody()) {
            prepareToServe(ctx);
            streamedFlow.start(worker, ctx, channel, socket, key != null);
            return false;
        }
        return true;
    }

    // ---- serving -----------------------------------------------------------------------------

    private void serve(int requestEnd) throws IOException {
        RequestCtx c = ctx;
        reader.finishRequest(requestEnd, c.request(), worker.parser);
        prepareToServe(c);
        HandlerDispatch.runInline(worker, c, settings.handler());
        RequestHandler continuation = c.takeBlockingContinuation();
        if (continuation == null) {
            finishResponse(c);
        } else if (key == null) {
            // Served on a caller's thread already: blocking is allowed here.
            HandlerDispatch.runBlockingChain(worker, c, continuation);
            finishResponse(c);
        } else {
            detach();
            key.interestOps(SelectionKey.OP_READ); // to see the client leave: DetachedInput
            offload.runBlocking(worker, c, continuation);
        }
    }

    /** Bytes came, or demand did, for {@code c}'s body received on the loop: goes on with it, and with the connection once it is done. */
    private void receive(RequestCtx c) {
        if (state != State.RECEIVING || ctx != c || !streamedFlow.receives(c)) {
            return; // a late wake: the body was done, or the connection closed
        }
        try {
            if (streamedFlow.pump()) {
                serveBuffered();
            }
        } catch (IOException e) {
            close();
        }
    }

    /** {@link StreamedRequestFlow}'s hold on this connection. */
    private final class StreamedHost implements StreamedRequestFlow.Host {

        @Override
        public void offload(RequestCtx c, RequestHandler continuation, StreamedRequestBody body) throws IOException {
            detach();
            offload.runBlocking(worker, c, continuation, body);
        }

        @Override
        public void awaitBody(boolean input) throws IOException {
            if (key == null) {
                throw new IOException("a body received on a caller's thread must be asked for within onData");
            }
            state = State.RECEIVING;
            key.interestOps(input ? SelectionKey.OP_READ : 0);
            setDeadline(TimeoutKind.READ); // the body must come, and be asked for, within the read timeout
        }

        @Override
        public void wake(RequestCtx c) {
            worker.loop().execute(() -> receive(c));
        }

        @Override
        public void bodyDone(RequestCtx c, boolean bodyComplete) throws IOException {
            if (state == State.RECEIVING) {
                attach();
            }
            closeUnless(bodyComplete, c);
            finishResponse(c);
        }
    }

    /** A streamed body not read to its end leaves the connection unusable: it closes after the response, lingering, since the client may still be sending. */
    private void closeUnless(boolean bodyComplete, RequestCtx c) {
        if (!bodyComplete) {
            c.response().setConnectionClose();
            clientClosing = false;
        }
    }

    /** Before the handler runs: the read clock stops, and whether the connection stays open is settled. */
    private void prepareToServe(RequestCtx c) {
        deadline.forgetKind(); // the next request gets a fresh read deadline
        clientClosing = !c.request().head.keepAlive();
        if (!identity.keepAliveAfter(c.request().head, settings)) {
            c.response().setConnectionClose();
        }
    }

    /** A response finished after the shutdown began is the connection's last. */
    private void closeIfDraining(Response response) {
        if (server.state.draining()) {
            response.setConnectionClose();
        }
    }

    /** Encodes the handler's response; a streamed body continues on a virtual thread. */
    private void finishResponse(RequestCtx c) throws IOException {
        if (c.cancellation.handlerChose() && !c.cancellation.abandoned()) { // ctx.timeoutError: other threads may hold c
            c.cancellation.abandon(settings.logger());
            c = Abandonment.answer(worker, c, newContext(), reader, identity.keepAliveAfter(c.request().head, settings));
        }
        if (c.response().streamWriter() != null || c.response().sendsTrailers(c.request())) {
            startStreaming(c);
            return;
        }
        ctx = null;
        reader.nextRequest();
        Response response = c.response();
        closeIfDraining(response);
        ResponseEncoder.encodeHead(worker.out, c, worker, ResponseEncoder.Framing.LENGTH);
        worker.counters().response(response.statusCode());
        HandlerDispatch.observe(settings, c);
        if (response.connectionClose()) {
            closeAfterWrite = true;
        }
        if (!writer.addBody(worker, channel, c)) {
            waitUntilWritable();
        }
    }

    /** Refuses a request that broke the protocol: error response, then close. */
    private void refuse(ProtocolError error) throws IOException {
        clientClosing = false; // it may still be sending: linger
        RequestCtx c = ctx != null ? ctx : newContext();
        HandlerDispatch.refuse(worker, c, error);
        finishResponse(c);
    }

    private RequestCtx newContext() {
        RequestCtx c = worker.acquireContext();
        c.reset(identity);
        return c;
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Writes the output buffer; what the socket does not take waits for it to be writable. */
    private void flush() throws IOException {
        if (worker.out.isEmpty() || state == State.CLOSED) {
            worker.out.clear();
            return;
        }
        if (!writer.flush(worker, channel)) {
            waitUntilWritable();
        }
    }

    /** The socket is full: stop reading, and wait until it is writable, within the write timeout. */
    private void waitUntilWritable() throws IOException {
        if (key == null) {
            throw new IOException("blocking channel did not take the whole write");
        }
        state = State.WRITING;
        key.interestOps(SelectionKey.OP_WRITE);
        setDeadline(TimeoutKind.WRITE);
    }

    /** Continues the kept write; true when everything is written. */
    private boolean continueWriting() throws IOException {
        if (writer.writePending(worker, channel) > 0) {
            setDeadline(TimeoutKind.WRITE); // progress: the write timeout starts over
        }
        return !writer.hasPending();
    }

    // ---- off the loop: blocking handlers and streamed bodies ---------------------------------

    /**
     * Back on the loop once a virtual thread is done with {@code c}: writes the blocking
     * handler's response, or wraps up a streamed one, then serves what was pipelined meanwhile.
     * {@code sameConnection} is false if the connection closed (and perhaps reopened) meanwhile.
     */
    void resume(RequestCtx c, boolean sameConnection, StreamedBody stream, boolean streamed) {
        if (!sameConnection || state != State.DETACHED) {
            // The connection closed meanwhile (shutdown); only the accounting is left.
            if (stream != null) {
                worker.counters().add(Counters.BYTES_WRITTEN, stream.bytesWritten());
            }
            worker.releaseContext(c);
            return;
        }
        try {
            attach();
            if (stream == null) {
                if (c.request().isBodyStreamed()) {
                    closeUnless(streamedFlow.endOffloaded(worker, c), c);
                }
                finishResponse(c);
            } else {
                endStream(c, stream, streamed);
            }
            serveBuffered();
        } catch (IOException e) {
            close();
        }
    }

    /**
     * Streams the body on a virtual thread. The head (and any pipelined responses before it) go
     * out first, from the stream's thread, so the loop keeps nothing for this connection.
     */
    private void startStreaming(RequestCtx c) throws IOException {
        closeIfDraining(c.response());
        StreamedBody stream = StreamedBody.begin(worker, c, channel, socket);
        if (key == null) {
            endStream(c, stream, stream.run());
            return;
        }
        detach();
        offload.stream(worker, c, stream);
    }

    private void endStream(RequestCtx c, StreamedBody stream, boolean ok) {
        stream.countInto(worker.counters());
        boolean close = !ok || c.response().connectionClose();
        ctx = null;
        reader.nextRequest();
        worker.releaseContext(c);
        if (close) {
            closeAfterWrite = true;
        }
    }

    /** Woken by {@code c}'s {@link TimeoutHandler} timer: if its handler overran, answers for it and goes on. */
    void checkOverrun(RequestCtx c) {
        if (state == State.DETACHED && ctx == c && c.cancellation.abandonIfOverran(System.nanoTime(), settings.logger())) {
            worker.counters().timeout(TimeoutKind.HANDLER);
            boolean keepAlive = !c.request().isBodyStreamed() && identity.keepAliveAfter(c.request().head, settings);
            resume(Abandonment.answer(worker, c, newContext(), reader, keepAlive), true, null, true);
        }
    }

    private void detach() throws IOException {
        state = State.DETACHED;
        deadline.clear();
        key.interestOps(0);
    }

    private void attach() {
        state = State.READING;
        key.interestOps(SelectionKey.OP_READ);
    }

    // ---- after each event: buffers, deadlines, closing ---------------------------------------

    private void afterProcessing() {
        if (state != State.READING) {
            return;
        }
        if (closeAfterWrite) {
            closeAfterLastResponse();
            return;
        }
        if (!reader.busy()) {
            if (server.state.draining()) {
                close(); // idle now, and the server is shutting down
                return;
            }
            reader.release(worker.readBuffers);
            if (deadline.kind() != TimeoutKind.IDLE) {
                setDeadline(TimeoutKind.IDLE);
                identity.notify(settings, ConnectionState.IDLE);
            }
        } else if (deadline.kind() != TimeoutKind.READ) {
            setDeadline(TimeoutKind.READ); // a request has begun
        }
    }

    /** Called by the loop's tick. */
    void checkDeadline(long now) {
        if (!deadline.passed(now)) {
            return;
        }
        if (state == State.LINGERING) {
            close();
            return;
        }
        TimeoutKind kind = deadline.kind();
        if (state == State.RECEIVING) {
            worker.counters().timeout(kind);
            try {
                streamedFlow.timedOut(); // the receiver's answer to the stall goes out, then the connection closes
                serveBuffered();
            } catch (IOException e) {
                close();
            }
            return;
        }
        if (kind == TimeoutKind.READ && state == State.READING) {
            // Part of a request came, not all of it: tell the client before closing.
            try {
                refuse(ProtocolError.REQUEST_TIMEOUT);
                flush();
            } catch (IOException e) {
                close();
                return;
            }
            afterProcessing();
            return;
        }
        worker.counters().timeout(kind);
        close();
    }

    @Override
    boolean busy() {
        return reader.busy();
    }

    @Override
    ByteBuffer discardBuffer() {
        return reader.discardBuffer(worker.readBuffers);
    }

    @Override
    void releaseRequest() {
        if (ctx != null) {
            worker.releaseContext(ctx);
            ctx = null;
        }
    }

    @Override
    void released() {
        boolean detached = state == State.DETACHED;
        offload.closed(worker, detached ? ctx : null);
        reader.release(worker.readBuffers);
        if (ctx != null && !detached) {
            worker.releaseContext(ctx); // a detached ctx belongs to its virtual thread until it returns
        }
        ctx = null;
        writer.release(worker);
    }

    @Override
    void returned(boolean admitted, InetSocketAddress remote) {
        worker.closed(this, admitted, remote);
    }
}
