package dev.fasthttp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;

/**
 * While a handler runs off the loop, the loop keeps reading its connection, to see the client
 * leave: a read of -1 (the client closed, or shut its side for writing) fires the request's done
 * signal. What comes meanwhile (pipelined requests) is kept in the read buffer's free room and
 * served later; nothing in the buffer moves, since the handler's views point into it. A full
 * buffer stops the reading (a client that leaves then is noticed when the response is written),
 * so the memory it may take is the buffer the connection has.
 */
final class DetachedInput {

    private DetachedInput() {
    }

    /**
     * Reads once; true if the client ended its input, which fires {@code ctx}'s done signal.
     * Either that or a full buffer stops reading ({@code key}).
     */
    static boolean read(Worker worker, ByteChannel channel, RequestReader reader, SelectionKey key, RequestCtx ctx)
            throws IOException {
        ByteBuffer room = reader.roomWhileServing();
        int n = room == null ? 0 : channel.read(room);
        if (n > 0) {
            reader.took(n);
            worker.counters().add(Counters.BYTES_READ, n);
        }
        if (n < 0 || reader.roomWhileServing() == null) {
            key.interestOps(0);
        }
        if (n < 0 && ctx != null) {
            ctx.cancellation.fire(DoneReason.CLIENT_DISCONNECTED, worker.settings.logger());
        }
        return n < 0;
    }
}
