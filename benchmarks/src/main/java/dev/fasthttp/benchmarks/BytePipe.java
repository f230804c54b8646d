package dev.fasthttp.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of an in-memory connection: a bounded ring of bytes between exactly one writing
 * and one reading thread, each parked while it cannot go on. Like fasthttputil's pipe, it
 * allocates nothing per transfer, so whatever a benchmark over it allocates is the HTTP code's.
 *
 * <p>Wake-ups cannot be lost: a side announces it is parking (a volatile write) before it checks
 * the counters again, and the other side moves a counter (a volatile write) before it looks for a
 * parked peer; one of the two always sees the other.
 */
final class BytePipe {

    private final byte[] ring;
    private final int mask;
    /** Bytes ever written; moved by the writer only. */
    private volatile long written;
    /** Bytes ever read; moved by the reader only. */
    private volatile long read;
    private volatile boolean closed;
    private volatile Thread parkedReader;
    private volatile Thread parkedWriter;

    BytePipe(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.ring = new byte[capacity];
        this.mask = capacity - 1;
    }

    /** Ends the pipe: the reader gets what is left, then end of stream; the writer an IOException. */
    void close() {
        closed = true;
        LockSupport.unpark(parkedReader);
        LockSupport.unpark(parkedWriter);
    }

    int read(byte[] dst, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int n = awaitReadable(length);
        if (n > 0) {
            int from = (int) (read & mask);
            int first = Math.min(n, ring.length - from);
            System.arraycopy(ring, from, dst, offset, first);
            System.arraycopy(ring, 0, dst, offset + first, n - first);
            consumed(n);
        }
        return n;
    }

    int read(ByteBuffer dst) {
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n = awaitReadable(dst.remaining());
        if (n > 0) {
            int from = (int) (read & mask);
            int first = Math.min(n, ring.length - from);
            dst.put(ring, from, first);
            dst.put(ring, 0, n - first);
            consumed(n);
        }
        return n;
    }

    void write(byte[] src, int offset, int length) throws IOException {
        while (length > 0) {
            int n = awaitWritable(length);
            int to = (int) (written & mask);
            int first = Math.min(n, ring.length - to);
            System.arraycopy(src, offset, ring, to, first);
            System.arraycopy(src, offset + first, ring, 0, n - first);
            produced(n);
            offset += n;
            length -= n;
        }
    }

    int write(ByteBuffer src) throws IOException {
        int total = src.remaining();
        while (src.hasRemaining()) {
            int n = awaitWritable(src.remaining());
            int to = (int) (written & mask);
            int first = Math.min(n, ring.length - to);
            src.get(ring, to, first);
            src.get(ring, 0, n - first);
            produced(n);
        }
        return total;
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException("byte-at-a-time reads are not expected here");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return BytePipe.this.read(b, off, len);
            }
        };
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException("byte-at-a-time writes are not expected here");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                BytePipe.this.write(b, off, len);
            }
        };
    }

    /** How many of {@code wanted} bytes can be read now, waiting for at least one; -1 at end of stream. */
    private int awaitReadable(int wanted) {
        while (true) {
            long available = written - read;
            if (available > 0) {
                return (int) Math.min(wanted, available);
            }
            if (closed) {
                return -1;
            }
            parkedReader = Thread.currentThread();
            if (written == read && !closed) {
                LockSupport.park(this);
            }
            parkedReader = null;
        }
    }

    /** How many of {@code wanted} bytes fit now, waiting for room for at least one. */
    private int awaitWritable(int wanted) throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("pipe closed");
            }
            long room = ring.length - (written - read);
            if (room > 0) {
                return (int) Math.min(wanted, room);
            }
            parkedWriter = Thread.currentThread();
            if (written - read == ring.length && !closed) {
                LockSupport.park(this);
            }
            parkedWriter = null;
        }
    }

    private void consumed(int n) {
        read += n; // this thread alone moves it
        Thread writer = parkedWriter;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
    }

    private void produced(int n) {
        written += n; // this thread alone moves it
        Thread reader = parkedReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
    }
}
