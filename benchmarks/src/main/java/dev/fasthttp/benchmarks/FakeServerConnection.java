package dev.fasthttp.benchmarks;

import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * An in-memory client connection, as in fasthttp's server benchmarks: it feeds the same request
 * {@code requestsPerConnection} times, then reports end of stream, and discards everything the
 * server writes. Reusable with {@link #reset()}, and allocation-free, so whatever a benchmark
 * allocates is the server's.
 */
final class FakeServerConnection implements ByteChannel {

    private final byte[] request;
    private final int requestsPerConnection;
    private int requestsLeft;
    private int position;
    private long bytesWritten;

    FakeServerConnection(byte[] request, int requestsPerConnection) {
        this.request = request;
        this.requestsPerConnection = requestsPerConnection;
        reset();
    }

    void reset() {
        requestsLeft = requestsPerConnection;
        position = 0;
    }

    /** Like a client that sends its next request once the previous response is in: one request per read. */
    @Override
    public int read(ByteBuffer dst) {
        if (requestsLeft == 0) {
            return -1;
        }
        int n = Math.min(dst.remaining(), request.length - position);
        dst.put(request, position, n);
        position += n;
        if (position == request.length) {
            position = 0;
            requestsLeft--;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        src.position(src.limit());
        bytesWritten += n;
        return n;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        // reused by the benchmark
    }
}
