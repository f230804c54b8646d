package dev.fasthttp;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.http1.ChunkedDecoder;
import dev.fasthttp.internal.server.SocketWait;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * A request body read as it arrives, by the handler's thread (a virtual thread, or the caller's
 * thread for {@link Server#serveConnection}): first what the loop had read after the head, then
 * straight from the socket into the same buffer, for a Content-Length body or a chunked one.
 *
 * <p>Memory is the connection's read buffer, whatever the body's size: the region after the head
 * ({@code buf[bodyStart, capacity)}) is reused once the handler has taken what it held, and the
 * head before it stays put, so the request's views remain valid. Back-pressure is the socket's:
 * nothing is read until the handler asks, so a handler that stops reading stops the client
 * through TCP's window. Bytes read past the body's end (a pipelined request) stay in the buffer
 * for the connection, which takes it back on its loop once the handler returned
 * ({@link #requestEnd()}, {@link #end()}).
 *
 * <p>One object per streamed request, owned by the handler's thread until then: a connection
 * closed meanwhile (shutdown) leaves it to fail on the closed channel without touching the
 * connection's next life. While it waits for bytes the socket stays registered with its loop, with
 * no interest, and non-blocking; this thread waits on a selector of its own, for at most the read
 * timeout between two reads.
 */
final class StreamedRequestBody extends InputStream {

    /** What the server reads, at most, of a body its handler left unread, to keep the connection. */
    static final int MAX_DRAIN = 256 * 1024;
    /** {@link #fill()}: nothing now, and this stream does not wait. */
    static final int WOULD_BLOCK = -1;

    private final ByteChannel channel;
    private final SocketChannel socket;
    private final ByteBuffer in;
    private final byte[] buf;
    private final int bodyStart;
    private final long limit;
    private final int maxTrailerSize;
    private final long readTimeoutMillis;
    /** Where a chunked body's trailers go once it has been read. */
    private final Request request;
    /** The chunked body's decoder, or null for a Content-Length body. */
    private final ChunkedDecoder chunked;
    /** Of a Content-Length body: what is still to come. */
    private long remaining;

    private int end;
    /** The next byte to hand out; the bytes available end at {@link #available(int)}. */
    private int pos;
    private boolean ended;
    private int requestEnd = -1;
    private RequestBodyException failure;
    private boolean closedByHandler;
    private boolean finished;
    private long bytesRead;
    private final SocketWait readable;
    private boolean waits = true;
    /** Told when the client closes its side before the body's end: the request's done signal. */
    private Runnable clientGone;

    /**
     * @param end        where the bytes read so far end in {@code in}'s array
     * @param length     the Content-Length, or -1 for a chunked body
     * @param limit      the most bytes the body may have (413 beyond)
     */
    StreamedRequestBody(ByteChannel channel, SocketChannel socket, ByteBuffer in, int bodyStart, int end, long length,
                        long limit, Request request, ServerSettings settings) {
        this.channel = channel;
        this.socket = socket;
        this.in = in;
        this.buf = in.array();
        this.bodyStart = bodyStart;
        this.end = end;
        this.pos = bodyStart;
        this.limit = limit;
        this.maxTrailerSize = settings.maxRequestHeaderSize();
        this.readTimeoutMillis = Math.max(1, settings.readTimeout().toMillis());
        this.request = request;
        this.readable = new SocketWait(socket, SelectionKey.OP_READ);
        if (length < 0) {
            chunked = ChunkedDecoder.forRequests();
            chunked.reset(bodyStart);
        } else {
            chunked = null;
            remaining = length;
            ended = length == 0;
            if (ended) {
                requestEnd = bodyStart;
            }
        }
    }

    @Override
    public int read() throws IOException {
        checkReadable();
        if (fill() == 0) {
            return -1;
        }
        int b = buf[pos] & 0xFF;
        consumed(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        checkReadable();
        if (len == 0) {
            return 0;
        }
        int ready = fill();
        if (ready == 0) {
            return -1;
        }
        int n = Math.min(len, ready);
        System.arraycopy(buf, pos, b, off, n);
        consumed(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        checkReadable();
        long skipped = 0;
        while (skipped < n) {
            int ready = fill();
            if (ready == 0) {
                break;
            }
            int step = (int) Math.min(ready, n - skipped);
            consumed(step);
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        return failure != null || closedByHandler || finished ? 0 : available(pos);
    }

    private void checkReadable() throws IOException {
        if (!waits) {
            throw new IllegalStateException("the body is being received on the event loop: use RequestCtx.receiveBody");
        }
        if (closedByHandler || finished) {
            throw new IOException("request body stream closed");
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Closing stops the handler's reading; the server reads or discards the rest after the handler returns. */
    @Override
    public void close() {
        closedByHandler = true;
    }


    // ---- after the handler -------------------------------------------------------------------

    /**
     * The handler returned: reads and discards what it left of the body, up to {@link #MAX_DRAIN}
     * bytes, so the connection can serve its next request. Runs on the handler's thread.
     *
     * @return whether the body was read to its end; if not, the connection must close after the response
     */
    boolean finish() {
        try {
            if (failure != null || (chunked == null && remaining - available(pos) > MAX_DRAIN)) {
                return false;
            }
            long drained = 0;
            while (drained <= MAX_DRAIN) {
                int ready = fill();
                if (ready == 0) {
                    return true;
                }
                if (ready == WOULD_BLOCK) {
                    return false; // the rest is still on its way: not worth waiting for on a loop
                }
                consumed(ready);
                drained += ready;
            }
            return false;
        } catch (IOException e) {
            return false;
        } finally {
            finished = true;
            readable.close();
        }
    }

    /** Where the request ended in the buffer (the next one begins there), once the body was read to its end; else -1. */
    int requestEnd() {
        return requestEnd;
    }

    /** Where the bytes read so far end in the buffer. */
    int end() {
        return end;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Why reading failed, or null. */
    RequestBodyException failure() {
        return failure;
    }

    // ---- the buffer --------------------------------------------------------------------------

    /**
     * Makes at least one body byte available at {@link #pos}, reading from the socket if need be.
     *
     * @return how many are available from {@link #pos}; 0 at the body's end; {@link #WOULD_BLOCK}
     *         if none are and the socket has none now, for a stream that does not wait
     */
    int fill() throws IOException {
        while (true) {
            int ready = available(pos);
            if (ready > 0 || ended) {
                return ready;
            }
            boolean progress;
            if (chunked == null) {
                // Everything buffered was body and has been taken: the region starts over.
                pos = end = bodyStart;
                progress = readSome();
            } else {
                progress = decodeMore();
            }
            if (!progress) {
                return WOULD_BLOCK;
            }
        }
    }

    /**
     * False for the event loop: {@link #fill} then returns {@link #WOULD_BLOCK} instead of waiting
     * for the socket (the loop calls again when it is readable), and reading as an InputStream
     * fails, rather than block the loop. True (the default) for a virtual thread.
     */
    void waits(boolean waits) {
        this.waits = waits;
    }

    /** {@code signal} runs when the client is found gone mid-body, before the read fails. */
    void whenClientGone(Runnable signal) {
        this.clientGone = signal;
    }

    /** The body bytes {@link #fill} made available begin here in {@link #buffer()}. */
    int position() {
        return pos;
    }

    byte[] buffer() {
        return buf;
    }

    /** Body bytes buffered from {@code from}. */
    private int available(int from) {
        if (chunked == null) {
            return (int) Math.min(end - from, remaining);
        }
        return chunked.writePos() - from;
    }

    void consumed(int n) {
        pos += n;
        if (chunked == null) {
            remaining -= n;
            if (remaining == 0) {
                ended = true;
                requestEnd = pos;
            }
        }
    }

    /** Decodes what is buffered; reads more when that yields no data. False if the socket had nothing. */
    private boolean decodeMore() throws IOException {
        if (requestEnd >= 0) {
            ended = true; // the last decoded byte has been taken
            return true;
        }
        // What was decoded has been taken: decoded data may start over at bodyStart, and the
        // bytes not yet decoded move down to follow it.
        chunked.restartOutput(bodyStart);
        end = chunked.reclaim(buf, end);
        pos = bodyStart;
        int result = chunked.decode(buf, end, limit, maxTrailerSize);
        if (result == ChunkedDecoder.ERROR) {
            throw fail(chunked.error(), chunked.error().reason());
        }
        if (result >= 0) {
            requestEnd = result;
            request.setTrailers(buf, chunked.trailerStart(), chunked.trailerEnd());
            ended = chunked.writePos() == pos;
            return true;
        }
        if (chunked.writePos() == pos) {
            if (end == buf.length) {
                throw fail(ProtocolError.INVALID_CHUNK, "chunk framing longer than the buffer");
            }
            return readSome();
        }
        return true;
    }

    /**
     * Reads at least one byte from the socket into the buffer, waiting for at most the read
     * timeout; false, without waiting, if none came and this stream {@linkplain #neverWait never waits}.
     */
    private boolean readSome() throws IOException {
        in.limit(buf.length).position(end);
        int n;
        while ((n = channel.read(in)) == 0) {
            if (!waits) {
                return false;
            }
            awaitReadable();
        }
        if (n < 0) {
            if (clientGone != null) {
                clientGone.run();
            }
            throw fail(ProtocolError.INCOMPLETE_BODY, "the client closed the connection before the body's end");
        }
        end += n;
        bytesRead += n;
        return true;
    }

    private void awaitReadable() throws IOException {
        if (socket == null) {
            return; // a blocking channel: read() itself waits
        }
        if (!readable.await(readTimeoutMillis)) {
            throw fail(ProtocolError.REQUEST_TIMEOUT, "no body bytes for " + readTimeoutMillis + " ms");
        }
    }

    private RequestBodyException fail(ProtocolError error, String message) {
        failure = new RequestBodyException(error, message);
        return failure;
    }

}
