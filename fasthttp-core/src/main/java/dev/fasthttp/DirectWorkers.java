package dev.fasthttp;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The workers of connections served on callers' threads ({@link Server#serveConnection}). A
 * connection borrows one only while it handles bytes it read, never while it blocks waiting for
 * more, so a thousand such connections on a thousand virtual threads share the few workers busy
 * at any moment: their output buffer, parser and pooled request contexts stay in the CPU's
 * caches, and the server keeps a bounded number of them however many threads come and go.
 *
 * <p>Idle workers wait in a fixed array and are lent lowest slot first, so the one returned last
 * is lent next. When all are lent, another is made; when the array is full, a returned worker is
 * left to the garbage collector. All of them count into one shared {@link Counters}.
 */
final class DirectWorkers {

    /** Idle workers kept for reuse; more may be lent at once, but not kept. */
    private static final int MAX_IDLE = 64;

    private final Server server;
    private final Counters counters = Counters.shared();
    private final AtomicReferenceArray<Worker> idle = new AtomicReferenceArray<>(MAX_IDLE);

    DirectWorkers(Server server) {
        this.server = server;
    }

    Counters counters() {
        return counters;
    }

    /** Serves {@code channel} on the calling thread until it closes. */
    void serve(ByteChannel channel) throws IOException {
        borrow().serveDirect(channel, this);
    }

    Worker borrow() {
        for (int i = 0; i < MAX_IDLE; i++) {
            Worker w = idle.get(i);
            if (w != null && idle.compareAndSet(i, w, null)) {
                return w;
            }
        }
        return new Worker(server, null, counters);
    }

    void giveBack(Worker w) {
        for (int i = 0; i < MAX_IDLE; i++) {
            if (idle.get(i) == null && idle.compareAndSet(i, null, w)) {
                return;
            }
        }
    }
}
