package dev.fasthttp.internal.server;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a server's loops, its acceptor and its connections share: whether the shutdown has begun,
 * the connection ids, and the limiter that counts open connections, which the shutdown waits on
 * until the last one closes.
 */
public final class EngineState {

    private final ConnectionLimiter limiter;
    private final AtomicLong connectionIds = new AtomicLong();
    private final Object drainMonitor = new Object();
    private volatile boolean draining;

    public EngineState(ConnectionLimiter limiter) {
        this.limiter = limiter;
    }

    public ConnectionLimiter limiter() {
        return limiter;
    }

    public long nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    /** True once the shutdown began: responses close their connections, idle ones close now. */
    public boolean draining() {
        return draining;
    }

    public void beginDraining() {
        draining = true;
    }

    /** An admitted connection closed; wakes the shutdown when it was the last. */
    public void connectionClosed(InetAddress ip) {
        if (limiter.release(ip) == 0 && draining) {
            synchronized (drainMonitor) {
                drainMonitor.notifyAll();
            }
        }
    }

    /** Waits until no admitted connection is open, or the deadline ({@link System#nanoTime()}) passes; true if none is. */
    public boolean awaitConnectionsClosed(long deadlineNanos) {
        synchronized (drainMonitor) {
            while (limiter.open() > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    drainMonitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
