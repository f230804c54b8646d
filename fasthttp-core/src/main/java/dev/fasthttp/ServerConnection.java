package dev.fasthttp;

import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.ChunkedDecoder;
import dev.fasthttp.internal.http1.HeadScanner;
import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.http1.RequestHead;
import dev.fasthttp.internal.transport.IoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
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
 *             |                                                                       |
 *             |  socket buffer full: WRITING --drained--> READING (pipelined bytes first)
 *             |
 *             +--refused / Connection: close / timeout--> LINGERING (output shut, input drained) --> CLOSED
 * </pre>
 *
 * <p>All of it runs on the worker's loop thread (or, for {@link Server#serveConnection}, on the
 * caller's thread with a blocking channel). Bytes are parsed where they were read: the read
 * buffer is borrowed from the loop's pool while unprocessed bytes remain, and returned when
 * drained, so an idle connection holds none. Requests already buffered (pipelining) are all
 * served before the responses are flushed in one write.
 *
 * <p>Connection objects are pooled: {@link #generation} tells work that finishes late (a
 * virtual thread) whether the connection it started on is still the same one.
 */
final class ServerConnection implements IoHandler, ConnectionInfo {

    private enum State { READING, WRITING, DETACHED, LINGERING, CLOSED }

    private static final long NO_DEADLINE = Long.MAX_VALUE;
    /** How long a closing connection waits for the client to read the last response and close. */
    private static final long LINGER_NANOS = 2_000_000_000L;
    /** How much a closing connection reads and discards before giving up on the client. */
    private static final int LINGER_MAX_BYTES = 1024 * 1024;
    /** Room for chunk-size lines in a chunked body beyond the body limit. */
    private static final int CHUNK_FRAMING_SLACK = 8 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * For a connection of an event loop, that loop's worker. For one served on a caller's thread,
     * the worker lent to it for the bytes it is handling, and null while it waits for more.
     */
    private Worker worker;
    private final Server server;
    private final ServerSettings settings;
    private final HeadScanner scanner = new HeadScanner();
    private final ChunkedDecoder chunked = new ChunkedDecoder();

    ServerConnection prev;
    ServerConnection next;

    private ByteChannel channel;
    private SocketChannel socket;
    private SelectionKey key;
    private long id;
    private InetSocketAddress remote;
    private boolean admitted;
    private int generation;
    private long requestCount;
    private State state = State.CLOSED;

    // Input: in[inStart, inEnd) holds bytes not yet consumed; ctx is set once a head is parsed.
    private ByteBuffer in;
    private int inStart;
    private int inEnd;
    private RequestCtx ctx;
    private int bodyStart;
    private boolean bufferMoved;

    // Output that did not fit in the socket: a copy, plus a large body still in its ctx.
    private ByteBuffer pending;
    private ByteBuffer pendingBody;
    private RequestCtx pendingCtx;
    private boolean closeAfterWrite;
    /** The client said this request is its last (Connection: close, or HTTP/1.0 without keep-alive). */
    private boolean clientClosing;

    private long deadline = NO_DEADLINE;
    private TimeoutKind deadlineKind;
    private int lingered;

    ServerConnection(Worker worker) {
        this.worker = worker;
        this.server = worker.server;
        this.settings = worker.settings;
    }

    void open(ByteChannel channel, SocketChannel socket, InetSocketAddress remote, long id, boolean admitted) {
        this.channel = channel;
        this.socket = socket;
        this.remote = remote;
        this.id = id;
        this.admitted = admitted;
        this.requestCount = 0;
        this.state = State.READING;
        this.key = null;
        this.in = null;
        this.inStart = this.inEnd = 0;
        this.ctx = null;
        this.pendingBody = null;
        this.pendingCtx = null;
        this.closeAfterWrite = false;
        this.clientClosing = false;
        this.lingered = 0;
        scanner.reset(0);
        if (pending != null) {
            pending.clear();
        }
    }

    void register(SelectionKey key) {
        this.key = key;
    }

    /** Reports NEW and starts the idle clock. */
    void opened() {
        notifyState(ConnectionState.NEW);
        setDeadline(TimeoutKind.IDLE);
    }

    // ---- ConnectionInfo ----------------------------------------------------------------------

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    @Override
    public long requestCount() {
        return requestCount;
    }

    // ---- events ------------------------------------------------------------------------------

    @Override
    public void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            onWritable();
        } else if ((ready & SelectionKey.OP_READ) != 0) {
            onReadable();
        }
    }

    private void onReadable() {
        try {
            if (state == State.LINGERING) {
                discardLingering();
                return;
            }
            if (state != State.READING || !read()) {
                return;
            }
            processInput();
            flush();
            afterProcessing();
        } catch (IOException e) {
            close();
        }
    }

    private void onWritable() {
        try {
            if (state != State.WRITING || !writePending()) {
                return;
            }
            if (closeAfterWrite) {
                closeAfterLastResponse();
                return;
            }
            state = State.READING;
            key.interestOps(SelectionKey.OP_READ);
            processInput(); // requests that arrived pipelined while we were writing
            flush();
            afterProcessing();
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
                prepareToRead();
                lender.giveBack(worker);
                worker = null;
                int n;
                try {
                    n = channel.read(in);
                } finally {
                    worker = lender.borrow();
                }
                if (!took(n)) {
                    continue;
                }
                processInput();
                flush();
                afterProcessing();
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
        prepareToRead();
        return took(channel.read(in));
    }

    /** Accounts for a read of {@code n} bytes; false if nothing came (or the peer closed, which closes the connection). */
    private boolean took(int n) {
        if (n <= 0) {
            if (n < 0) {
                close();
            }
            return false;
        }
        inEnd += n;
        worker.counters().add(Counters.BYTES_READ, n);
        return true;
    }

    private void prepareToRead() {
        if (in == null) {
            in = worker.readBuffers.acquire();
            inStart = inEnd = 0;
            scanner.reset(0);
        }
        if (inEnd == in.capacity()) {
            makeRoom();
        }
        in.limit(in.capacity()).position(inEnd);
    }

    /** The buffer is full: move the current request to the front, or grow. */
    private void makeRoom() {
        if (inStart > 0) {
            compact();
            return;
        }
        int limit = ctx == null ? settings.maxRequestHeaderSize() + 2 * 1024
                : (int) Math.min(Integer.MAX_VALUE - 8, (bodyStart - inStart) + settings.maxRequestBodySize() + CHUNK_FRAMING_SLACK);
        int grown = (int) Math.min((long) in.capacity() * 2, limit);
        grow(Math.max(grown, in.capacity() + 1));
    }

    private void compact() {
        int delta = inStart;
        byte[] a = in.array();
        System.arraycopy(a, inStart, a, 0, inEnd - inStart);
        shift(delta);
    }

    private void grow(int capacity) {
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        System.arraycopy(in.array(), inStart, bigger.array(), 0, inEnd - inStart);
        worker.readBuffers.release(in);
        in = bigger;
        shift(inStart);
    }

    private void shift(int delta) {
        inEnd -= delta;
        inStart -= delta;
        bodyStart -= delta;
        scanner.shift(delta);
        chunked.shift(delta);
        if (ctx != null) {
            bufferMoved = true;
        }
    }

    /** Parses and serves every complete request in the buffer. */
    private void processInput() throws IOException {
        while (state == State.READING && !closeAfterWrite) {
            if (ctx == null) {
                if (inEnd == inStart) {
                    return;
                }
                int headEnd = scanner.scan(in.array(), inEnd, settings.maxRequestHeaderSize(), settings.maxRequestUriLength());
                if (headEnd == HeadScanner.NEED_MORE) {
                    if (!scanner.started(inEnd)) {
                        inStart = inEnd; // only empty lines so far: nothing has begun
                    }
                    return;
                }
                if (headEnd == HeadScanner.ERROR) {
                    refuse(scanner.error());
                    return;
                }
                if (!beginRequest(headEnd)) {
                    return;
                }
            }
            int requestEnd = completeBody();
            if (requestEnd == ChunkedDecoder.NEED_MORE) {
                awaitBody();
                return;
            }
            if (requestEnd == ChunkedDecoder.ERROR) {
                refuse(chunked.error());
                return;
            }
            serve(requestEnd);
        }
    }

    /** The head is complete: parse it, check the framing, answer Expect. */
    private boolean beginRequest(int headEnd) throws IOException {
        inStart = scanner.requestStart();
        requestCount++;
        ctx = worker.acquireContext();
        ctx.reset(this);
        notifyState(ConnectionState.ACTIVE);
        RequestHead head = ctx.request().head;
        ProtocolError error = worker.parser.parse(in.array(), inStart, headEnd, head);
        if (error == null && head.contentLength() > settings.maxRequestBodySize()) {
            error = ProtocolError.BODY_TOO_LARGE;
        }
        if (error == null && !ctx.request().bind(settings.normalizePath())) {
            error = ProtocolError.INVALID_PATH;
        }
        if (error != null) {
            refuse(error);
            return false;
        }
        bodyStart = headEnd;
        bufferMoved = false;
        if (settings.responseObserver() != null) {
            ctx.markStart(System.nanoTime());
        }
        if (head.chunked()) {
            chunked.reset(headEnd);
        }
        if (head.expectContinue() && head.minorVersion() >= 1 && (head.chunked() || head.contentLength() > 0)) {
            // Asked whatever the split: a client may send the body without waiting (RFC 9110 10.1.1),
            // and that must not get it past a refusal.
            if (!settings.continueHandler().accept(ctx)) {
                refuse(ProtocolError.EXPECTATION_FAILED);
                return false;
            }
            if (completeBody() == ChunkedDecoder.NEED_MORE) {
                worker.out.append(CONTINUE);
                flush();
            }
        }
        return true;
    }

    /** Where the request ends if its body is complete, else NEED_MORE or ERROR. */
    private int completeBody() {
        RequestHead head = ctx.request().head;
        if (head.chunked()) {
            int end = chunked.decode(in.array(), inEnd, settings.maxRequestBodySize(), settings.maxRequestHeaderSize());
            if (end >= 0) {
                ctx.request().setBody(in.array(), bodyStart, (int) chunked.decodedLength());
            }
            return end;
        }
        long length = Math.max(0, head.contentLength());
        if (inEnd - bodyStart < length) {
            return ChunkedDecoder.NEED_MORE;
        }
        ctx.request().setBody(in.array(), bodyStart, (int) length);
        return bodyStart + (int) length;
    }

    /** Makes room for the rest of the body. */
    private void awaitBody() {
        RequestHead head = ctx.request().head;
        if (head.chunked()) {
            inEnd = chunked.reclaim(in.array(), inEnd); // the decoded framing's space is free again
            return;
        }
        int needed = (int) ((bodyStart - inStart) + head.contentLength());
        if (needed > in.capacity() - inStart) {
            if (needed <= in.capacity()) {
                compact();
            } else {
                grow(needed);
            }
        }
    }

    // ---- serving -----------------------------------------------------------------------------

    private void serve(int requestEnd) throws IOException {
        RequestCtx c = ctx;
        if (bufferMoved) {
            // Compaction moved the bytes the head's positions point at: parse them again where they are.
            Request request = c.request();
            worker.parser.parse(in.array(), inStart, bodyStart, request.head);
            request.bind(settings.normalizePath());
            bufferMoved = false;
        }
        inStart = requestEnd;
        deadlineKind = null; // the next request gets a fresh read deadline
        clientClosing = !c.request().head.keepAlive();
        if (!keepAliveAfter(c)) {
            c.response().setConnectionClose();
        }
        runHandler(c, settings.handler());
        RequestHandler continuation = c.takeBlockingContinuation();
        if (continuation != null) {
            detachToVirtualThread(c, continuation);
            return;
        }
        finishResponse(c);
    }

    private void observe(RequestCtx c) {
        ResponseObserver observer = settings.responseObserver();
        if (observer != null) {
            long start = c.startNanos();
            try {
                observer.onResponse(c, start == 0 ? 0 : System.nanoTime() - start, c.failure());
            } catch (RuntimeException e) {
                settings.logger().log(System.Logger.Level.WARNING, "response observer failed", e);
            }
        }
    }

    /** A response finished after the shutdown began is the connection's last. */
    private void closeIfDraining(Response response) {
        if (server.draining()) {
            response.setConnectionClose();
        }
    }

    private boolean keepAliveAfter(RequestCtx c) {
        return settings.keepAlive() && c.request().head.keepAlive() && !server.draining()
                && (settings.maxRequestsPerConnection() == 0 || requestCount < settings.maxRequestsPerConnection());
    }

    private void runHandler(RequestCtx c, RequestHandler handler) {
        worker.handlerStarted(handler);
        try {
            handler.handle(c);
        } catch (Throwable t) {
            handlerFailed(c, t);
        } finally {
            worker.handlerFinished();
        }
    }

    /** A failed handler: 500, logged once, the connection stays usable (the request was read whole). */
    private void handlerFailed(RequestCtx c, Throwable t) {
        worker.counters().incrementFromAnyThread(Counters.HANDLER_ERRORS);
        settings.logger().log(System.Logger.Level.ERROR, "handler failed on " + c.method() + " " + c.requestUri(), t);
        c.takeBlockingContinuation();
        c.setFailure(t);
        c.response().resetForError(500);
        writeErrorResponse(c, RequestError.handlerFailure(t));
    }

    private void writeErrorResponse(RequestCtx c, RequestError error) {
        try {
            settings.errorHandler().handle(c, error);
        } catch (Throwable t) {
            settings.logger().log(System.Logger.Level.ERROR, "error handler failed", t);
            c.response().resetForError(error.status());
            ErrorHandler.DEFAULT.handle(c, error);
        }
    }

    /** Encodes the handler's response; a streamed body continues on a virtual thread. */
    private void finishResponse(RequestCtx c) throws IOException {
        if (c.response().streamWriter() != null) {
            startStreaming(c);
            return;
        }
        ctx = null;
        scanner.reset(inStart);
        Response response = c.response();
        closeIfDraining(response);
        ResponseEncoder.encodeHead(worker.out, c, worker, ResponseEncoder.Framing.LENGTH);
        worker.counters().response(response.statusCode());
        observe(c);
        if (response.connectionClose()) {
            closeAfterWrite = true;
        }
        ByteBuf body = response.bodyBuffer();
        if (!ResponseEncoder.sendsBody(c) || body.isEmpty()) {
            worker.releaseContext(c);
        } else if (body.size() <= settings.writeBufferSize()) {
            worker.out.append(body.array(), 0, body.size());
            worker.releaseContext(c);
        } else {
            writeWithLargeBody(c); // releases c once written
        }
    }

    /** Refuses a request that broke the protocol: error response, then close. */
    private void refuse(ProtocolError error) throws IOException {
        if (error == ProtocolError.REQUEST_TIMEOUT) {
            worker.counters().timeout(TimeoutKind.READ);
        } else {
            worker.counters().protocolError(error);
        }
        clientClosing = false; // it may still be sending: linger
        RequestCtx c = ctx;
        if (c == null) {
            c = worker.acquireContext();
            c.reset(this);
        }
        c.response().resetForError(error.status());
        writeErrorResponse(c, RequestError.of(error));
        c.response().setConnectionClose();
        c.response().setBodyStreamWriter(null);
        finishResponse(c);
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Writes the output buffer; parks what the socket does not take. */
    private void flush() throws IOException {
        ByteBuf out = worker.out;
        if (out.isEmpty() || state == State.CLOSED) {
            out.clear();
            return;
        }
        ByteBuffer buffer = worker.outNio();
        writeSome(buffer);
        if (buffer.hasRemaining()) {
            park(buffer, null, null);
        }
        out.clear();
    }

    /** Writes the output buffer and a large body with one gathering write. */
    private void writeWithLargeBody(RequestCtx c) throws IOException {
        ByteBuffer head = worker.outNio();
        ByteBuffer body = c.response().bodyNio();
        ByteBuffer[] both = worker.gather;
        both[0] = head;
        both[1] = body;
        if (channel instanceof GatheringByteChannel g) {
            long n;
            while ((head.hasRemaining() || body.hasRemaining()) && (n = g.write(both)) > 0) {
                worker.counters().add(Counters.BYTES_WRITTEN, n);
            }
        } else {
            writeSome(head);
            if (!head.hasRemaining()) {
                writeSome(body);
            }
        }
        both[0] = both[1] = null;
        worker.out.clear();
        if (head.hasRemaining() || body.hasRemaining()) {
            park(head, body, c);
        } else {
            worker.releaseContext(c);
        }
    }

    /** Writes what the channel takes now; returns how much that was. */
    private long writeSome(ByteBuffer buffer) throws IOException {
        long total = 0;
        int n;
        while (buffer.hasRemaining() && (n = channel.write(buffer)) > 0) {
            total += n;
        }
        worker.counters().add(Counters.BYTES_WRITTEN, total);
        return total;
    }

    /**
     * The socket is full: keep the rest (a copy of the output buffer's remainder, and the large
     * body in place with its ctx), stop reading, and wait until writable.
     */
    private void park(ByteBuffer rest, ByteBuffer body, RequestCtx bodyOwner) throws IOException {
        if (key == null) {
            throw new IOException("blocking channel did not take the whole write");
        }
        int remaining = rest.remaining();
        if (pending == null || pending.capacity() < remaining) {
            pending = ByteBuffer.allocate(Math.max(remaining, settings.writeBufferSize()));
        }
        pending.clear();
        pending.put(rest).flip();
        pendingBody = body;
        pendingCtx = bodyOwner;
        state = State.WRITING;
        key.interestOps(SelectionKey.OP_WRITE);
        setDeadline(TimeoutKind.WRITE);
    }

    /** Continues a parked write; true when everything is written. */
    private boolean writePending() throws IOException {
        long written = writeSome(pending);
        if (!pending.hasRemaining() && pendingBody != null) {
            written += writeSome(pendingBody);
        }
        if (written > 0) {
            setDeadline(TimeoutKind.WRITE); // progress: the write timeout starts over
        }
        if (pending.hasRemaining() || (pendingBody != null && pendingBody.hasRemaining())) {
            return false;
        }
        pending.clear();
        if (pendingCtx != null) {
            worker.releaseContext(pendingCtx);
            pendingCtx = null;
            pendingBody = null;
        }
        return true;
    }

    // ---- off the loop: blocking handlers and streamed bodies ---------------------------------

    private void detachToVirtualThread(RequestCtx c, RequestHandler handler) throws IOException {
        if (key == null) {
            // Served on a caller's thread already: blocking is allowed here.
            runBlockingChain(c, handler);
            finishResponse(c);
            return;
        }
        detach();
        int gen = generation;
        worker.startVirtualThread(() -> {
            runBlockingChain(c, handler);
            worker.loop().execute(() -> resume(c, gen, null, true));
        });
    }

    private void runBlockingChain(RequestCtx c, RequestHandler handler) {
        for (RequestHandler h = handler; h != null; h = c.takeBlockingContinuation()) {
            try {
                h.handle(c);
            } catch (Throwable t) {
                handlerFailed(c, t);
                return;
            }
        }
    }

    /**
     * Back on the loop once a virtual thread is done with {@code c}: writes the blocking
     * handler's response, or wraps up a streamed one, then serves what was pipelined meanwhile.
     */
    private void resume(RequestCtx c, int gen, StreamedBody stream, boolean streamed) {
        if (gen != generation || state != State.DETACHED) {
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
                finishResponse(c);
            } else {
                endStream(c, stream, streamed);
            }
            processInput();
            flush();
            afterProcessing();
        } catch (IOException e) {
            close();
        }
    }

    /**
     * Streams the body on a virtual thread. The head (and any pipelined responses before it) go
     * out first, from the stream's thread, so the loop keeps nothing for this connection.
     */
    private void startStreaming(RequestCtx c) throws IOException {
        boolean http11 = c.request().minorVersion() >= 1;
        Response response = c.response();
        if (!http11) {
            response.setConnectionClose(); // an HTTP/1.0 stream ends with the connection
        }
        closeIfDraining(response);
        boolean sendsBody = ResponseEncoder.sendsBody(c);
        ResponseEncoder.encodeHead(worker.out, c, worker,
                http11 ? ResponseEncoder.Framing.CHUNKED : ResponseEncoder.Framing.CLOSE);
        worker.counters().response(response.statusCode());
        observe(c);
        byte[] prefix = worker.out.toByteArray();
        worker.out.clear();
        BodyStreamWriter writer = sendsBody ? response.streamWriter() : null;
        StreamedBody stream = new StreamedBody(channel, socket, prefix, http11, settings.writeBufferSize(),
                settings.writeTimeout());
        if (key == null) {
            boolean ok = stream.run(writer, settings.logger());
            endStream(c, stream, ok);
            return;
        }
        detach();
        int gen = generation;
        worker.startVirtualThread(() -> {
            boolean ok = stream.run(writer, settings.logger());
            worker.loop().execute(() -> resume(c, gen, stream, ok));
        });
    }

    private void endStream(RequestCtx c, StreamedBody stream, boolean ok) {
        worker.counters().add(Counters.BYTES_WRITTEN, stream.bytesWritten());
        if (stream.timedOut()) {
            worker.counters().timeout(TimeoutKind.WRITE);
        }
        boolean close = !ok || c.response().connectionClose();
        ctx = null;
        scanner.reset(inStart);
        worker.releaseContext(c);
        if (close) {
            closeAfterWrite = true;
        }
    }

    private void detach() throws IOException {
        state = State.DETACHED;
        deadline = NO_DEADLINE;
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
        if (ctx == null && inEnd == inStart) {
            if (server.draining()) {
                close(); // idle now, and the server is shutting down
                return;
            }
            if (in != null) {
                worker.readBuffers.release(in);
                in = null;
            }
            if (deadlineKind != TimeoutKind.IDLE) {
                setDeadline(TimeoutKind.IDLE);
                notifyState(ConnectionState.IDLE);
            }
        } else if (deadlineKind != TimeoutKind.READ) {
            setDeadline(TimeoutKind.READ); // a request has begun
        }
    }

    private void setDeadline(TimeoutKind kind) {
        deadlineKind = kind;
        if (key == null) {
            deadline = NO_DEADLINE; // caller-thread connections: the channel owns its timeouts
            return;
        }
        deadline = worker.nowNanos() + worker.timeoutNanos(kind);
    }

    /** Called by the loop's tick. */
    void checkDeadline(long now) {
        if (deadline == NO_DEADLINE || now - deadline < 0) {
            return;
        }
        deadline = NO_DEADLINE;
        if (state == State.LINGERING) {
            close();
            return;
        }
        TimeoutKind kind = deadlineKind;
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

    /** Shutdown: an idle connection closes now; a busy one closes after its response. */
    void drain() {
        boolean idle = state == State.READING && ctx == null && inEnd == inStart;
        if (idle || state == State.LINGERING) {
            close();
        }
    }

    /** Sends a canned response to a connection refused at accept, then lingers. */
    void rejectAndClose(byte[] response) {
        try {
            ByteBuffer b = ByteBuffer.wrap(response);
            writeSome(b);
        } catch (IOException e) {
            close();
            return;
        }
        startLingering();
    }

    /**
     * The last response is out. A client that announced this request as its last, and sent
     * nothing after it, gets a plain close; any other may still be sending, so it gets a
     * lingering one.
     */
    private void closeAfterLastResponse() {
        if (clientClosing && ctx == null && inEnd == inStart) {
            close();
        } else {
            startLingering();
        }
    }

    /**
     * Closes our side for writing and reads what the client still sends until it closes too (or
     * two seconds pass). Closing at once with unread input makes the kernel answer with a reset,
     * which can destroy the response before the client reads it.
     */
    private void startLingering() {
        if (socket == null || key == null || server.draining()) {
            close();
            return;
        }
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            close();
            return;
        }
        state = State.LINGERING;
        if (ctx != null) {
            worker.releaseContext(ctx);
            ctx = null;
        }
        key.interestOps(SelectionKey.OP_READ);
        deadline = worker.nowNanos() + LINGER_NANOS;
    }

    private void discardLingering() throws IOException {
        if (in == null) {
            in = worker.readBuffers.acquire();
        }
        in.clear();
        int n = channel.read(in);
        lingered += Math.max(n, 0);
        if (n < 0 || lingered > LINGER_MAX_BYTES) {
            close();
        }
    }

    /** Closes the socket and gives back everything borrowed. Idempotent. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        boolean detached = state == State.DETACHED;
        state = State.CLOSED;
        generation++;
        if (key != null) {
            key.cancel();
            key = null;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (in != null) {
            worker.readBuffers.release(in);
            in = null;
        }
        if (ctx != null && !detached) {
            worker.releaseContext(ctx); // a detached ctx belongs to its virtual thread until it returns
        }
        ctx = null;
        if (pendingCtx != null) {
            worker.releaseContext(pendingCtx);
            pendingCtx = null;
        }
        pendingBody = null;
        deadline = NO_DEADLINE;
        notifyState(ConnectionState.CLOSED);
        worker.closed(this, admitted, remote);
        channel = null;
        socket = null;
    }

    private void notifyState(ConnectionState s) {
        ConnectionStateListener listener = settings.connectionStateListener();
        if (listener != null) {
            try {
                listener.onStateChange(this, s);
            } catch (RuntimeException e) {
                settings.logger().log(System.Logger.Level.WARNING, "connection state listener failed", e);
            }
        }
    }
}
