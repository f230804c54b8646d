package dev.fasthttp;

import dev.fasthttp.internal.bytes.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;

/**
 * A connection's output: writes what the loop's output buffer gathered (and a large body from
 * its own buffer, in the same gathering write), and keeps what the socket did not take.
 *
 * <p>The loop's output buffer is shared by all its connections, so a remainder is copied into a
 * buffer of the connection's own ({@link ServerSettings#writeBufferSize()} or more, kept for the
 * connection's life); a large body stays where it is, and the context that owns it is released
 * only once it is written. Whether the connection then waits for the socket is its owner's
 * decision: every method here says whether everything went out.
 */
final class ResponseWriter {

    private final int writeBufferSize;

    // Output that did not fit in the socket: a copy, plus a large body still in its ctx.
    private ByteBuffer pending;
    private ByteBuffer pendingBody;
    private RequestCtx pendingCtx;

    ResponseWriter(int writeBufferSize) {
        this.writeBufferSize = writeBufferSize;
    }

    /** A new connection: nothing pending. */
    void reset() {
        pendingBody = null;
        pendingCtx = null;
        if (pending != null) {
            pending.limit(0);
        }
    }

    /**
     * Adds {@code c}'s body after its head: a small one is copied into the worker's output buffer,
     * a large one written at once with everything gathered before it. Releases {@code c} once its
     * body is out; false if some was kept for later.
     */
    boolean addBody(Worker worker, ByteChannel channel, RequestCtx c) throws IOException {
        ByteBuf body = c.response().bodyBuffer();
        boolean sendsBody = ResponseEncoder.sendsBody(c);
        if (sendsBody && body.size() > writeBufferSize) {
            return writeWithLargeBody(worker, channel, c);
        }
        if (sendsBody) {
            worker.out.append(body.array(), 0, body.size());
        }
        worker.releaseContext(c);
        return true;
    }

    /** Writes the worker's output buffer and clears it; false if some was kept for later. */
    boolean flush(Worker worker, ByteChannel channel) throws IOException {
        ByteBuffer buffer = worker.outNio();
        writeSome(worker, channel, buffer);
        boolean done = !buffer.hasRemaining();
        if (!done) {
            keep(buffer, null, null);
        }
        worker.out.clear();
        return done;
    }

    /**
     * Writes the worker's output buffer and {@code c}'s large body with one gathering write; false
     * if some was kept for later. {@code c} is released once its body is out.
     */
    private boolean writeWithLargeBody(Worker worker, ByteChannel channel, RequestCtx c) throws IOException {
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
            writeSome(worker, channel, head);
            if (!head.hasRemaining()) {
                writeSome(worker, channel, body);
            }
        }
        both[0] = both[1] = null;
        worker.out.clear();
        if (head.hasRemaining() || body.hasRemaining()) {
            keep(head, body, c);
            return false;
        }
        worker.releaseContext(c);
        return true;
    }

    /** Continues a kept write; returns how many bytes went out (progress resets the write timeout). */
    long writePending(Worker worker, ByteChannel channel) throws IOException {
        long written = writeSome(worker, channel, pending);
        if (!pending.hasRemaining() && pendingBody != null) {
            written += writeSome(worker, channel, pendingBody);
        }
        if (!hasPending()) {
            pending.limit(0);
            release(worker);
        }
        return written;
    }

    boolean hasPending() {
        return pending.hasRemaining() || (pendingBody != null && pendingBody.hasRemaining());
    }

    /** Writes what the channel takes now; returns how much that was. */
    static long writeSome(Worker worker, ByteChannel channel, ByteBuffer buffer) throws IOException {
        long total = 0;
        int n;
        while (buffer.hasRemaining() && (n = channel.write(buffer)) > 0) {
            total += n;
        }
        worker.counters().add(Counters.BYTES_WRITTEN, total);
        return total;
    }

    /** Gives back the context whose body was kept, if any: the write completed or the connection closed. */
    void release(Worker worker) {
        if (pendingCtx != null) {
            worker.releaseContext(pendingCtx);
            pendingCtx = null;
        }
        pendingBody = null;
    }

    private void keep(ByteBuffer rest, ByteBuffer body, RequestCtx bodyOwner) {
        int remaining = rest.remaining();
        if (pending == null || pending.capacity() < remaining) {
            pending = ByteBuffer.allocate(Math.max(remaining, writeBufferSize));
        }
        pending.clear();
        pending.put(rest).flip();
        pendingBody = body;
        pendingCtx = bodyOwner;
    }
}
