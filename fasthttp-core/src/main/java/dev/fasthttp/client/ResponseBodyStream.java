package dev.fasthttp.client;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.ChunkedDecoder;
import dev.fasthttp.internal.http1.ResponseHead.BodyFraming;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.util.Objects;

/**
 * The body of a streamed response ({@link ClientResponse#bodyStream()}), read from its connection
 * as the caller reads: Content-Length bytes, chunked (decoded) or until the server closes.
 *
 * <p>Memory is the response's buffer: the head stays at its start (its header views remain valid)
 * and the body passes through the room after it, a read's worth at a time; a large read of an
 * unframed or Content-Length body goes straight from the socket into the caller's array.
 *
 * <p>The connection's life, one of three ends:
 * <ol>
 *   <li>the body is read to its end: the connection goes back to the pool, if the server keeps
 *       it open and sent nothing after the body;
 *   <li>the stream is closed before the end: the rest is read and thrown away if it is at most
 *       {@link ClientSettings#maxResponseDrainSize()} and comes within the read timeout, and the
 *       connection goes back to the pool; otherwise it is closed. A body until close is never
 *       drained, its connection ends with it;
 *   <li>a read fails (the server, the limit, a timeout): the connection is closed at once, and the
 *       stream fails every later read.
 * </ol>
 * The connection is never pooled in the middle of a body, so the next response read on it is
 * never the rest of this one. A stream dropped without being closed (the response with it) has
 * its connection closed once the garbage collector finds it, with a warning: a forgotten body
 * does not hold a place in the pool for ever.
 */
final class ResponseBodyStream extends InputStream {

    /** Room asked for before each read into the buffer. */
    private static final int READ_CHUNK = 4096;
    private static final Cleaner DROPPED_STREAMS = Cleaner.create();
    private static final System.Logger LOG = System.getLogger("dev.fasthttp.client");

    private final ConnectionPool pool;
    private final ClientConnection connection;
    private final ClientResponse response;
    private final ClientSettings settings;
    private final long callDeadline;
    private final BodyFraming framing;
    /** Where the body area of the buffer starts: right after the head. */
    private final int bodyStart;
    /** Whether the connection may carry another request once the body is done. */
    private boolean reusable;
    /** Body bytes of a Content-Length body not yet read from the socket. */
    private long unread;
    /** Body bytes handed to the caller so far. */
    private long delivered;
    /** The readable bytes in the buffer: {@code [pos, limit)}. */
    private int pos;
    private int limit;
    private boolean ended;
    private boolean closed;
    /** Whether the connection was given back or closed: nothing is read any more. */
    private boolean released;
    private IOException failure;
    /** When a drain under way must be done, 0 if none. */
    private long drainDeadline;
    private Abandoned abandoned;
    private Cleaner.Cleanable cleanable;

    ResponseBodyStream(ConnectionPool pool, ClientConnection connection, ClientResponse response, ClientSettings settings,
            long callDeadline, BodyFraming framing, boolean reusable) throws IOException {
        this.pool = pool;
        this.connection = connection;
        this.response = response;
        this.settings = settings;
        this.callDeadline = callDeadline;
        this.framing = framing;
        this.bodyStart = response.bodyStart;
        this.reusable = reusable;
        ByteBuf buf = response.buffer;
        int buffered = buf.size() - bodyStart;
        pos = bodyStart;
        switch (framing) {
            case LENGTH -> {
                long length = response.head.contentLength();
                if (length > settings.maxResponseBodySize()) {
                    throw ResponseReader.bodyTooLarge(settings.maxResponseBodySize(), settings); // declared too large: not a byte is read
                }
                if (buffered > length) {
                    this.reusable = false; // bytes after the body: nothing this client asked for
                }
                limit = bodyStart + (int) Math.min(buffered, length);
                unread = length - (limit - bodyStart);
                ended = unread == 0; // all of it came with the head: the connection is free at once
            }
            case CHUNKED -> {
                response.chunked.reset(bodyStart);
                limit = bodyStart;
                decode();
            }
            case UNTIL_CLOSE -> {
                this.reusable = false;
                limit = buf.size();
                checkLimit(buffered);
            }
            default -> { // NONE: no body at all
                limit = bodyStart;
                ended = true;
            }
        }
        if (ended) {
            release();
        } else {
            abandoned = new Abandoned(pool, connection);
            cleanable = DROPPED_STREAMS.register(this, abandoned);
        }
    }

    @Override
    public int read() throws IOException {
        check();
        if (pos == limit && !more()) {
            return -1;
        }
        delivered++;
        return response.buffer.array()[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        check();
        if (len == 0) {
            return 0;
        }
        if (pos == limit) {
            if (len >= READ_CHUNK && !ended && framing != BodyFraming.CHUNKED) {
                return readDirect(b, off, len);
            }
            if (!more()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(response.buffer.array(), pos, b, off, n);
        pos += n;
        delivered += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    /**
     * Fills the buffer with the next bytes of the body.
     *
     * @return false at the end of the body
     */
    private boolean more() throws IOException {
        while (pos == limit) {
            if (ended) {
                release();
                return false;
            }
            ByteBuf buf = response.buffer;
            switch (framing) {
                case LENGTH -> {
                    buf.setSize(bodyStart);
                    int n = fill((int) Math.min(READ_CHUNK, unread));
                    if (n < 0) {
                        throw fail(new IOException("the server closed the connection " + unread + " bytes short of the body"));
                    }
                    unread -= n;
                    pos = bodyStart;
                    limit = buf.size();
                    if (unread == 0) {
                        ended = true;
                        release();
                    }
                }
                case CHUNKED -> {
                    compactChunked();
                    if (fill(READ_CHUNK) < 0) {
                        throw fail(new IOException("the server closed the connection in the middle of a chunked body"));
                    }
                    decode();
                }
                default -> { // until close
                    buf.setSize(bodyStart);
                    pos = limit = bodyStart;
                    if (fill(READ_CHUNK) < 0) {
                        ended = true;
                        release();
                        return false;
                    }
                    limit = buf.size();
                    checkLimit(delivered + limit - pos);
                }
            }
        }
        return true;
    }

    /** A large read of a body without chunk framing: from the socket into the caller's array. */
    private int readDirect(byte[] b, int off, int len) throws IOException {
        long room = settings.maxResponseBodySize() - delivered;
        int want = framing == BodyFraming.LENGTH ? (int) Math.min(len, unread)
                : room >= len ? len : (int) room + 1; // one byte past the limit tells that it is crossed
        int n = socketRead(b, off, want);
        if (n < 0) {
            if (framing == BodyFraming.LENGTH) {
                throw fail(new IOException("the server closed the connection " + unread + " bytes short of the body"));
            }
            ended = true;
            release();
            return -1;
        }
        if (framing == BodyFraming.LENGTH) {
            unread -= n;
            if (unread == 0) {
                ended = true;
                release();
            }
        } else {
            checkLimit(delivered + n);
        }
        delivered += n;
        return n;
    }

    /** Decodes what the buffer holds past the decoded part; makes the newly decoded bytes readable. */
    private void decode() throws IOException {
        ChunkedDecoder decoder = response.chunked;
        ByteBuf buf = response.buffer;
        int end = decoder.decode(buf.array(), buf.size(), settings.maxResponseBodySize(), settings.maxResponseHeaderSize());
        if (end == ChunkedDecoder.ERROR) {
            throw fail(decoder.error() == ProtocolError.BODY_TOO_LARGE
                    ? ResponseReader.bodyTooLarge(settings.maxResponseBodySize(), settings)
                    : ResponseReader.protocol(decoder.error()));
        }
        limit = decoder.writePos();
        if (end >= 0) {
            if (end < buf.size()) {
                reusable = false;
            }
            ended = true;
            release(); // the whole body is in the buffer: the connection is free
        }
    }

    /**
     * Once every decoded byte was read: moves the bytes not decoded yet down to the start of the
     * body area, so that the buffer never holds more than a read's worth of body.
     */
    private void compactChunked() {
        ChunkedDecoder decoder = response.chunked;
        ByteBuf buf = response.buffer;
        decoder.restartOutput(bodyStart); // what was decoded has been read
        buf.setSize(decoder.reclaim(buf.array(), buf.size()));
        pos = limit = bodyStart;
    }

    /** Reads into the buffer, at most {@code max} bytes. */
    private int fill(int max) throws IOException {
        ByteBuf buf = response.buffer;
        buf.ensureWritable(max);
        int n = socketRead(buf.array(), buf.size(), max);
        if (n > 0) {
            buf.setSize(buf.size() + n);
        }
        return n;
    }

    /** One read from the connection, within the read timeout and the call's deadline. */
    private int socketRead(byte[] b, int off, int len) throws IOException {
        ClientConnection c = connection;
        try {
            long deadline = HostClient.sooner(System.nanoTime() + settings.readTimeout().toNanos(), callDeadline);
            c.readDeadlineNanos = HostClient.sooner(deadline, drainDeadline);
            return c.in.read(b, off, len);
        } catch (IOException e) {
            throw fail(c.pastDeadline(System.nanoTime())
                    ? new ClientException(ClientException.Kind.TIMEOUT, "the response body did not come in time", null, e)
                    : e);
        } finally {
            c.readDeadlineNanos = 0;
        }
    }

    /** Fails once the body read so far, {@code total} bytes, is past the limit. */
    private void checkLimit(long total) throws IOException {
        if (total > settings.maxResponseBodySize()) {
            throw fail(ResponseReader.bodyTooLarge(settings.maxResponseBodySize(), settings));
        }
    }

    private void check() throws IOException {
        if (failure != null) {
            throw new IOException("the response body failed earlier: " + failure.getMessage(), failure);
        }
        if (closed) {
            throw new IOException("the response body stream is closed");
        }
    }

    /** Closes the connection for good after a failed read; returns the failure to throw. */
    private IOException fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        discard();
        return e;
    }

    private void discard() {
        if (!released) {
            released = true;
            forgetDrop();
            pool.discard(connection);
        }
    }

    private void release() {
        if (!released) {
            released = true;
            forgetDrop();
            connection.requests++;
            pool.release(connection, reusable);
        }
    }

    /** The connection was given back or closed: nothing for the cleaner to do. */
    private void forgetDrop() {
        if (cleanable != null) {
            abandoned.done = true;
            cleanable.clean();
        }
    }

    /**
     * Ends the body: the connection goes back to the pool if the body was read to its end or the
     * rest could be drained (see the class comment), else it is closed. Never fails; the header
     * views of the response stay valid.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (released) {
            return;
        }
        drainDeadline = System.nanoTime() + settings.readTimeout().toNanos();
        if (!drain()) {
            discard();
        }
    }

    /**
     * Reads and drops the rest of the body if at most {@link ClientSettings#maxResponseDrainSize()}
     * bytes of it are still to come (what the buffer holds costs nothing to drop).
     *
     * @return whether the connection was given back
     */
    private boolean drain() {
        long budget = settings.maxResponseDrainSize();
        if (framing == BodyFraming.UNTIL_CLOSE || framing == BodyFraming.LENGTH && unread > budget) {
            return false;
        }
        try {
            pos = limit;
            while (!released && more()) {
                budget -= limit - pos;
                if (budget < 0) {
                    return false;
                }
                pos = limit;
            }
            return released && failure == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Closes the connection of a stream that became unreachable unclosed. Must not refer to the stream. */
    private static final class Abandoned implements Runnable {
        private final ConnectionPool pool;
        private final ClientConnection connection;
        volatile boolean done;

        Abandoned(ConnectionPool pool, ClientConnection connection) {
            this.pool = pool;
            this.connection = connection;
        }

        @Override
        public void run() {
            if (!done) {
                pool.discard(connection);
                LOG.log(System.Logger.Level.WARNING, "a streamed response body was dropped without being read to its end or "
                        + "closed; its connection is closed now. Close ClientResponse.bodyStream(), or reuse the response");
            }
        }
    }

    @Override
    public String toString() {
        return "response body (" + framing + ", " + delivered + " bytes read" + (ended ? ", ended" : "") + ")";
    }
}
