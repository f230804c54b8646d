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
 *
 * <p>A second, smaller set holds the bigger buffers that streamed request bodies read into
 * ({@link #acquireLarge()}): one per streamed request, so an upload costs no new buffer either.
 */
public final class BufferPool {

    private final int bufferSize;
    private final ByteBuffer[] free;
    private int count;
    private final int largeSize;
    private final ByteBuffer[] freeLarge;
    private int largeCount;

    public BufferPool(int bufferSize, int maxPooled) {
        this(bufferSize, maxPooled, 0, 0);
    }

    /** With {@code maxLargePooled} buffers of {@code largeSize} bytes kept for {@link #acquireLarge()}. */
    public BufferPool(int bufferSize, int maxPooled, int largeSize, int maxLargePooled) {
        this.bufferSize = bufferSize;
        this.free = new ByteBuffer[maxPooled];
        this.largeSize = largeSize;
        this.freeLarge = new ByteBuffer[maxLargePooled];
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

    /** A cleared buffer of the large size given at construction. */
    public ByteBuffer acquireLarge() {
        if (largeCount > 0) {
            ByteBuffer b = freeLarge[--largeCount];
            freeLarge[largeCount] = null;
            return b;
        }
        return ByteBuffer.allocate(largeSize);
    }

    /** Returns a buffer; buffers of another size (grown ones) are dropped. */
    public void release(ByteBuffer buffer) {
        if (buffer.capacity() == bufferSize && count < free.length) {
            buffer.clear();
            free[count++] = buffer;
        } else if (buffer.capacity() == largeSize && largeCount < freeLarge.length) {
            buffer.clear();
            freeLarge[largeCount++] = buffer;
        }
    }
}
