package dev.fasthttp.internal.server;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits connections within the global and per-IP limits, and counts the open ones. Touched once
 * per connection open and close, from any loop.
 */
public final class ConnectionLimiter {

    public enum Admission {
        ADMITTED,
        /** Answered 503. */
        OVER_LIMIT,
        /** Answered 429. */
        OVER_IP_LIMIT
    }

    private final int maxConnections;
    private final int maxPerIp;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perIp = new ConcurrentHashMap<>();

    public ConnectionLimiter(int maxConnections, int maxPerIp) {
        this.maxConnections = maxConnections;
        this.maxPerIp = maxPerIp;
    }

    public int open() {
        return open.get();
    }

    public Admission admit(InetAddress ip) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return Admission.OVER_LIMIT;
        }
        if (maxPerIp > 0 && ip != null) {
            boolean[] admitted = {false};
            perIp.compute(ip, (k, n) -> {
                int count = n == null ? 0 : n;
                if (count >= maxPerIp) {
                    return n;
                }
                admitted[0] = true;
                return count + 1;
            });
            if (!admitted[0]) {
                open.decrementAndGet();
                return Admission.OVER_IP_LIMIT;
            }
        }
        return Admission.ADMITTED;
    }

    /** Releases an admitted connection; returns the number still open. */
    public int release(InetAddress ip) {
        if (maxPerIp > 0 && ip != null) {
            perIp.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
        }
        return open.decrementAndGet();
    }
}
