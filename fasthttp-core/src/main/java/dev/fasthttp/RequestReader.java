package dev.fasthttp;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.http1.ChunkedDecoder;
import dev.fasthttp.internal.http1.HeadScanner;
import dev.fasthttp.internal.http1.RequestHead;
import dev.fasthttp.internal.http1.RequestParser;
import dev.fasthttp.internal.transport.BufferPool;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;

/**
 * A connection's input and its framing: the read buffer, where the request being read begins,
 * where its head ends and its body begins, and whether the body is complete (by Content-Length,
 * or through the chunked decoder).
 *
 * <p>Bytes are parsed where they were read: {@code in[start, end)} holds bytes not yet consumed.
 * The buffer is borrowed from the loop's pool while such bytes remain, and given back when
 * drained, so an idle connection holds none. A full buffer is compacted (the current request
 * moved to the front) or grown, up to the head limit while the head is read, and up to the body
 * limit once it is known; a request whose bytes moved is parsed again before its handler runs,
 * since the head's positions point at where the bytes were.
 */
final class RequestReader {

    /** Room for chunk-size lines in a chunked body beyond the body limit. */
    private static final int CHUNK_FRAMING_SLACK = 8 * 1024;

    private final ServerSettings settings;
    private final HeadScanner scanner = new HeadScanner();
    private final ChunkedDecoder chunked = ChunkedDecoder.forRequests();

    private ByteBuffer in;
    private int start;
    private int end;
    private int bodyStart;
    /** A head has been parsed and its request is not served yet. */
    private boolean inRequest;
    private boolean moved;
    /** A stream of the current request's body reads into the buffer: {@link #streamBody}. */
    private boolean lent;
    /** The head of the request admitted last, and whether its body is streamed. */
    private RequestHead currentHead;
    private boolean streamsBody;

    RequestReader(ServerSettings settings) {
        this.settings = settings;
    }

    /** A new connection: nothing read yet. */
    void reset() {
        in = null;
        lent = false;
        currentHead = null;
        streamsBody = false;
        start = end = 0;
        inRequest = false;
        scanner.reset(0);
    }

    /** Whether unconsumed bytes remain, or a request has begun. */
    boolean busy() {
        return inRequest || end != start;
    }

    /** The buffer to read into, borrowed if need be and made room in: position at the end of the data. */
    ByteBuffer prepareToRead(BufferPool pool) {
        if (in == null) {
            in = pool.acquire();
            start = end = 0;
            scanner.reset(0);
        }
        if (end == in.capacity()) {
            makeRoom(pool);
        }
        in.limit(in.capacity()).position(end);
        return in;
    }

    /** Accounts for {@code n > 0} bytes just read into the buffer. */
    void took(int n) {
        end += n;
    }

    /** For a lingering close: a buffer to read into and discard. */
    ByteBuffer discardBuffer(BufferPool pool) {
        if (in == null) {
            in = pool.acquire();
        }
        in.clear();
        return in;
    }

    /** Gives the buffer back to the pool if it holds nothing more. */
    void releaseIfDrained(BufferPool pool) {
        if (!busy()) {
            release(pool);
        }
    }

    /** Gives the buffer back to the pool; one lent to a stream is left to it, and dropped. */
    void release(BufferPool pool) {
        if (in != null && !lent) {
            pool.release(in);
        }
        in = null;
        lent = false;
    }

    // ---- the head ----------------------------------------------------------------------------

    /**
     * Scans for the end of the next head: its end, {@link HeadScanner#NEED_MORE} or
     * {@link HeadScanner#ERROR} (then {@link #headError()} says why).
     */
    int scanHead() {
        if (end == start) {
            return HeadScanner.NEED_MORE;
        }
        int headEnd = scanner.scan(in.array(), end, settings.maxRequestHeaderSize(), settings.maxRequestUriLength());
        if (headEnd == HeadScanner.NEED_MORE && !scanner.started(end)) {
            start = end; // only empty lines so far: nothing has begun
        }
        return headEnd;
    }

    ProtocolError headError() {
        return scanner.error();
    }

    /**
     * The head ending at {@code headEnd} is complete: parses it into {@code ctx}'s request, binds
     * its views, and decides how its body is read ({@link #streamsBody()}) and so which limit
     * applies; the body then begins after the head.
     *
     * @return why the request is refused, or null
     */
    ProtocolError admit(RequestCtx ctx, int headEnd, RequestParser parser) {
        RequestHead head = ctx.request().head;
        ProtocolError error = parseHead(parser, headEnd, head);
        if (error == null && !ctx.request().bind(settings.normalizePath())) {
            error = ProtocolError.INVALID_PATH;
        }
        streamsBody = error == null && bodyExpected(head) && settings.requestBodyStreaming().streams(ctx);
        long limit = streamsBody ? settings.maxStreamedRequestBodySize() : settings.maxRequestBodySize();
        if (error == null && head.contentLength() > limit) {
            error = ProtocolError.BODY_TOO_LARGE;
        }
        if (error == null) {
            beginBody(headEnd, head);
        }
        return error;
    }

    private static boolean bodyExpected(RequestHead head) {
        return head.chunked() || head.contentLength() > 0;
    }

    /** Whether the request admitted last has a body. */
    boolean bodyExpected() {
        return bodyExpected(currentHead);
    }

    /** Whether the request admitted last has its body streamed to its handler ({@link RequestBodyStreaming}). */
    boolean streamsBody() {
        return streamsBody;
    }

    /** The head ending at {@code headEnd} is complete: parses it into {@code head}. */
    ProtocolError parseHead(RequestParser parser, int headEnd, RequestHead head) {
        start = scanner.requestStart();
        inRequest = true;
        return parser.parse(in.array(), start, headEnd, head);
    }

    /** The head is accepted: the body (if any) begins at {@code headEnd}. */
    private void beginBody(int headEnd, RequestHead head) {
        currentHead = head;
        bodyStart = headEnd;
        moved = false;
        if (head.chunked()) {
            chunked.reset(headEnd);
        }
    }

    // ---- the body ----------------------------------------------------------------------------

    /**
     * Where the request ends if its body is complete (which is then set on {@code request}),
     * else {@link ChunkedDecoder#NEED_MORE} or {@link ChunkedDecoder#ERROR} (then
     * {@link #bodyError()} says why).
     */
    int completeBody(Request request) {
        RequestHead head = request.head;
        if (head.chunked()) {
            int requestEnd = chunked.decode(in.array(), end, settings.maxRequestBodySize(), settings.maxRequestHeaderSize());
            if (requestEnd >= 0) {
                request.setBody(in.array(), bodyStart, (int) chunked.decodedLength());
                request.setTrailers(in.array(), chunked.trailerStart(), chunked.trailerEnd());
            }
            return requestEnd;
        }
        long length = Math.max(0, head.contentLength());
        if (end - bodyStart < length) {
            return ChunkedDecoder.NEED_MORE;
        }
        request.setBody(in.array(), bodyStart, (int) length);
        return bodyStart + (int) length;
    }

    ProtocolError bodyError() {
        return chunked.error();
    }

    /** Makes room for the rest of the body. */
    void awaitBody(RequestHead head, BufferPool pool) {
        if (head.chunked()) {
            end = chunked.reclaim(in.array(), end); // the decoded framing's space is free again
            return;
        }
        int needed = (int) ((bodyStart - start) + head.contentLength());
        if (needed > in.capacity() - start) {
            if (needed <= in.capacity()) {
                compact();
            } else {
                grow(needed, pool);
            }
        }
    }

    /**
     * The request is complete and ends at {@code requestEnd}: consumes it, and parses its head
     * again where its bytes are now if making room moved them.
     */
    void finishRequest(int requestEnd, Request request, RequestParser parser) {
        if (moved) {
            parser.parse(in.array(), start, bodyStart, request.head);
            request.bind(settings.normalizePath());
            moved = false;
        }
        start = requestEnd;
    }

    /** The response to the request is on its way: the next head may begin. */
    void nextRequest() {
        inRequest = false;
        scanner.reset(start);
    }

    // ---- a streamed body ----------------------------------------------------------------------

    /**
     * Lends the buffer to a stream of the body of the request whose head was just parsed: the
     * region after the head is made {@code room} bytes long at least, moving the head to the front
     * or into a bigger buffer if need be (it is then parsed again into {@code request}). Until
     * {@link #streamed} takes the buffer back, only the stream reads into it.
     */
    StreamedRequestBody streamBody(Request request, RequestParser parser, BufferPool pool, long limit, int room,
                                   ByteChannel channel, SocketChannel socket) {
        if (in.capacity() - bodyStart < room) {
            int head = bodyStart - start;
            if (in.capacity() - head >= room) {
                compact();
            } else {
                ByteBuffer large = pool.acquireLarge(); // holds the longest head, its buffered bytes and the room
                System.arraycopy(in.array(), start, large.array(), 0, end - start);
                pool.release(in);
                in = large;
                shift(start);
            }
            parser.parse(in.array(), start, bodyStart, request.head);
            request.bind(settings.normalizePath());
            moved = false;
        }
        RequestHead head = request.head;
        lent = true;
        return new StreamedRequestBody(channel, socket, in, bodyStart, end, head.chunked() ? -1 : Math.max(0, head.contentLength()),
                limit, request, settings);
    }

    /**
     * The handler is done with the streamed body: the buffer is ours again, and what the stream
     * read and what went wrong are counted into {@code counters}.
     *
     * @return true if the body was read to its end, so the next request begins after it; false if
     *         not, and the connection must close
     */
    boolean streamed(StreamedRequestBody body, Counters counters) {
        lent = false;
        end = body.end();
        counters.add(Counters.BYTES_READ, body.bytesRead());
        if (body.failure() != null) {
            counters.protocolError(body.failure().error());
        }
        start = body.requestEnd() >= 0 ? body.requestEnd() : end; // else the rest is unknown ground
        return body.requestEnd() >= 0;
    }

    // ---- while a handler runs off the loop, and after it was abandoned -------------------------

    /**
     * The buffer's free room after the data, or null if it has none. Moves nothing: a handler
     * running off the loop has views into the buffer.
     */
    ByteBuffer roomWhileServing() {
        if (in == null || end == in.capacity()) {
            return null;
        }
        in.limit(in.capacity()).position(end);
        return in;
    }

    /**
     * The request just served was abandoned to a handler that may still read it (after
     * {@link #nextRequest()}): returns the buffer it is in, for that handler to keep, and goes on
     * in another buffer with the bytes that came after it.
     */
    ByteBuffer handOver(BufferPool pool) {
        ByteBuffer kept = in;
        if (kept == null) {
            return null;
        }
        if (lent) {
            // A streamed body: its handler reads the socket into this buffer, and where the body
            // ends is unknown. Nothing after it can be read as a request: the connection closes.
            in = null;
            lent = false;
            start = end = 0;
            return kept;
        }
        int left = end - start;
        in = null;
        if (left > 0) {
            in = pool.acquire();
            if (in.capacity() < left) {
                pool.release(in);
                in = ByteBuffer.allocate(left);
            }
            System.arraycopy(kept.array(), start, in.array(), 0, left);
        }
        shift(start);
        return kept;
    }

    /**
     * The size of the buffers streamed bodies read into: room for the body after the longest head
     * (a head grows its buffer up to the head limit and 2 KiB, see {@link #makeRoom}), whatever was
     * read with it still in it.
     */
    static int streamBufferSize(ServerSettings settings) {
        return settings.maxRequestHeaderSize() + 2 * 1024 + settings.requestBodyStreamBufferSize();
    }

    // ---- room --------------------------------------------------------------------------------

    /** The buffer is full: move the current request to the front, or grow. */
    private void makeRoom(BufferPool pool) {
        if (start > 0) {
            compact();
            return;
        }
        int limit = !inRequest ? settings.maxRequestHeaderSize() + 2 * 1024
                : (int) Math.min(Integer.MAX_VALUE - 8, (bodyStart - start) + settings.maxRequestBodySize() + CHUNK_FRAMING_SLACK);
        int grown = (int) Math.min((long) in.capacity() * 2, limit);
        grow(Math.max(grown, in.capacity() + 1), pool);
    }

    private void compact() {
        int delta = start;
        byte[] a = in.array();
        System.arraycopy(a, start, a, 0, end - start);
        shift(delta);
    }

    private void grow(int capacity, BufferPool pool) {
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        System.arraycopy(in.array(), start, bigger.array(), 0, end - start);
        pool.release(in);
        in = bigger;
        shift(start);
    }

    private void shift(int delta) {
        end -= delta;
        start -= delta;
        bodyStart -= delta;
        scanner.shift(delta);
        chunked.shift(delta);
        if (inRequest) {
            moved = true;
        }
    }
}
