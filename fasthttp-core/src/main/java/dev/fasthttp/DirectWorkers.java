package dev.fasthttp;

import java.io.IOException;
import java.nio.channels.ByteChannel;

/**
 * The workers of connections served on callers' threads ({@link Server#serveConnection}). A
 * connection borrows one only while it handles bytes it read, never while it blocks waiting for
 * more, so a thousand such connections on a thousand virtual threads share the few workers busy
 * at any moment: their output buffer, parser and pooled request contexts stay in the CPU's
 * caches, and the server keeps a bounded number of them however many threads come and go.
 *
 * <p>Idle workers wait on a stack, so the one returned last, the one most likely still in the
 * caches, is lent next. When none is idle, another is made; up to {@value #MAX_IDLE} are kept,
 * as many as handlers that block (on a virtual thread, inline) may hold at once without a
 * worker being made per request; past that, a returned worker is left to the garbage collector.
 * All of them count into one shared {@link Counters}.
 */
final class DirectWorkers {

    /** Idle workers kept for reuse, as many as a loop keeps pooled connections and contexts. */
    private static final int MAX_IDLE = 1024;

    private final Server server;
    private final Counters counters = Counters.shared();
    /** idle[0, count) are idle, the last returned on top. Guarded by this; held only for a push or a pop. */
    private final Worker[] idle = new Worker[MAX_IDLE];
    private int count;

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
        Worker w = popIdle();
        return w != null ? w : new Worker(server, null, counters);
    }

    synchronized void giveBack(Worker w) {
        if (count < idle.length) {
            idle[count++] = w;
        }
    }

    private synchronized Worker popIdle() {
        if (count == 0) {
            return null;
        }
        Worker w = idle[--count];
        idle[count] = null;
        return w;
    }
}
