package dev.fasthttp.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * fasthttp's {@code fakeServerConn}: an in-memory client connection that sends the same request
 * back to back.
 *
 * <p>{@link #read} is {@code fakeServerConn.Read}: it fills the whole destination with as many
 * copies of the request as fit, the last one usually partial (continued by the next read), until
 * the connection's request count is used up; then it returns what it has, and end of stream on
 * the following read. {@link #write} discards, counting the bytes. {@link #accept} is what
 * {@code fakeListener.Accept} does to a pooled connection before handing it out again.
 *
 * <p>Allocation-free and reusable, so whatever a benchmark allocates is the server's.
 */
public final class FakeServerConnection implements ByteChannel {

    private final byte[] request;
    private int requestsLeft;
    private int pos;
    private long bytesWritten;
    private boolean endOfStreamRead;
    private boolean closed;
    private ByteArrayOutputStream capture;

    public FakeServerConnection(byte[] request) {
        this.request = request;
    }

    /** Hands the connection out for {@code requests} more requests, from the first byte. */
    public FakeServerConnection accept(int requests) {
        requestsLeft = requests;
        pos = 0;
        bytesWritten = 0;
        endOfStreamRead = false;
        closed = false;
        return this;
    }

    /** Keeps a copy of everything written from now on (tests only; allocates). */
    public FakeServerConnection capture(ByteArrayOutputStream out) {
        capture = out;
        return this;
    }

    @Override
    public int read(ByteBuffer dst) {
        int total = 0;
        int length = request.length;
        while (dst.hasRemaining()) {
            if (requestsLeft == 0) {
                if (total == 0) {
                    endOfStreamRead = true;
                    return -1;
                }
                return total;
            }
            int n = Math.min(dst.remaining(), length - pos);
            dst.put(request, pos, n);
            total += n;
            pos += n;
            if (pos == length) {
                pos = 0;
                requestsLeft--;
            }
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        if (capture != null) {
            byte[] copy = new byte[n];
            src.get(copy);
            capture.writeBytes(copy);
        } else {
            src.position(src.limit());
        }
        bytesWritten += n;
        return n;
    }

    /** Requests not yet sent in full. */
    public int requestsLeft() {
        return requestsLeft;
    }

    /** Bytes written since {@link #accept}. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Whether the reader has seen end of stream since {@link #accept}. */
    public boolean endOfStreamRead() {
        return endOfStreamRead;
    }

    /** Whether the server closed the connection since {@link #accept}. */
    public boolean closed() {
        return closed;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true; // fakeServerConn.Close puts the connection back in the listener's pool
    }
}
