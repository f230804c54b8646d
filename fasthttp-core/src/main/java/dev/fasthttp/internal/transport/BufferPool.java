package dev.fasthttp.internal.transport;

import java.nio.ByteBuffer;

/**
 * Fixed-size heap buffers for one event loop, recycled so that steady-state reading allocates
 * nothing. Not thread-safe: only its loop touches it.
 *
 * <p>A connection borrows a buffer only while it holds unprocessed bytes, so ten thousand idle
 * keep-alive connections hold none. At most {@code maxPooled} free buffers are kept; beyond
 * that, released buffers are left to the garbage collector, so a burst does not pin memory
 * forever.
 */
public final class BufferPool {

    private final int bufferSize;
    private final ByteBuffer[] free;
    private int count;

    public BufferPool(int bufferSize, int maxPooled) {
        this.bufferSize = bufferSize;
        this.free = new ByteBuffer[maxPooled];
    }

    public int bufferSize() {
        return bufferSize;
    }

    /** A cleared buffer of {@link #bufferSize()} bytes. */
    public ByteBuffer acquire() {
        if (count > 0) {
            ByteBuffer b = free[--count];
            free[count] = null;
            return b;
        }
        return ByteBuffer.allocate(bufferSize);
    }

    /** Returns a buffer; buffers of another size (grown ones) are dropped. */
    public void release(ByteBuffer buffer) {
        if (buffer.capacity() == bufferSize && count < free.length) {
            buffer.clear();
            free[count++] = buffer;
        }
    }
}
