package dev.fasthttp;

/**
 * When a connection's current wait runs out, and which timeout that is: reading a request,
 * writing a response, waiting idle for the next request, or lingering before the close. The
 * loop's tick asks each connection whether its deadline passed.
 *
 * <p>Connections served on a caller's thread have none: their blocking channel owns its timeouts.
 */
final class Deadline {

    private static final long NONE = Long.MAX_VALUE;

    private long at = NONE;
    /** The timeout running, or null while none (or only the linger deadline) runs. */
    private TimeoutKind kind;

    /** Starts {@code kind}'s timeout from now; only tracked (never due) when {@code clocked} is false. */
    void start(TimeoutKind kind, Worker worker, boolean clocked) {
        this.kind = kind;
        at = clocked ? worker.nowNanos() + worker.timeoutNanos(kind) : NONE;
    }

    /** A lingering close waits at most {@code nanos} from now. */
    void lingerFor(long nanos, Worker worker) {
        at = worker.nowNanos() + nanos;
    }

    /** Nothing to time: the connection is closed, or a virtual thread has it. */
    void clear() {
        at = NONE;
    }

    /** The next request gets a fresh read timeout. */
    void forgetKind() {
        kind = null;
    }

    TimeoutKind kind() {
        return kind;
    }

    /** Whether the deadline passed at {@code now}; if so, it is cleared. */
    boolean passed(long now) {
        if (at == NONE || now - at < 0) {
            return false;
        }
        at = NONE;
        return true;
    }
}
