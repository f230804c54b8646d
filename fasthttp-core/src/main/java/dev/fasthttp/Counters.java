package dev.fasthttp;

import dev.fasthttp.http.ProtocolError;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One event loop's counters. Written by that loop only, with plain-cost opaque stores (no lock,
 * no atomic read-modify-write, no contention); read by any thread, which sees recent values.
 * {@link ServerStats} sums them over all loops. The connections served on callers' threads share
 * one {@link #shared()} set, whose every write is atomic.
 */
final class Counters {

    static final int CONNECTIONS_ACCEPTED = 0;
    static final int CONNECTIONS_REJECTED = 1;
    static final int REQUESTS_1XX = 2; // 1xx..5xx at 2..6
    static final int BYTES_READ = 7;
    static final int BYTES_WRITTEN = 8;
    static final int HANDLER_ERRORS = 9;
    static final int REQUESTS_REJECTED = 10;
    static final int TIMEOUTS = 11; // one per TimeoutKind
    static final int PROTOCOL_ERRORS = TIMEOUTS + TimeoutKind.values().length; // one per ProtocolError
    static final int COUNT = PROTOCOL_ERRORS + ProtocolError.values().length;

    /** Keeps two loops' counters off each other's cache lines. */
    private static final int PADDING = 16;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values = new long[PADDING + COUNT + PADDING];
    /** Written by several threads at once: each add is then an atomic read-modify-write. */
    private final boolean shared;

    Counters() {
        this(false);
    }

    private Counters(boolean shared) {
        this.shared = shared;
    }

    /** Counters that any number of threads may write at once. */
    static Counters shared() {
        return new Counters(true);
    }

    void increment(int counter) {
        add(counter, 1);
    }

    void add(int counter, long delta) {
        int i = PADDING + counter;
        if (shared) {
            SLOT.getAndAdd(values, i, delta);
        } else {
            SLOT.setOpaque(values, i, (long) SLOT.getOpaque(values, i) + delta);
        }
    }

    /**
     * For counters that threads other than the loop also write (handlers failing on virtual
     * threads): an atomic add. Every write to such a counter must go through here.
     */
    void incrementFromAnyThread(int counter) {
        SLOT.getAndAdd(values, PADDING + counter, 1L);
    }

    long get(int counter) {
        return (long) SLOT.getOpaque(values, PADDING + counter);
    }

    void response(int status) {
        int statusClass = Math.min(5, Math.max(1, status / 100));
        increment(REQUESTS_1XX + statusClass - 1);
    }

    void protocolError(ProtocolError e) {
        increment(PROTOCOL_ERRORS + e.ordinal());
    }

    void timeout(TimeoutKind kind) {
        increment(TIMEOUTS + kind.ordinal());
    }
}
