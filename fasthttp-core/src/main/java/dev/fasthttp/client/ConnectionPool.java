package dev.fasthttp.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections of one {@link HostClient}: idle ones reused most-recent first (warm caches, and
 * the oldest left to expire), new ones dialed up to the limit, callers over the limit waiting or
 * refused. Host names are resolved once per DNS cache period; several addresses, and several
 * configured endpoints, are used round-robin.
 *
 * <p>The watchdog reads the pool without its lock ({@link #sweep}) and takes it only when an idle
 * connection has expired. Were it to take the lock every sweep, a caller finding it held would
 * park and be woken by the watchdog, a platform thread. A virtual thread woken from outside its
 * carrier waits behind all the work queued on that carrier; on a carrier that never runs dry (one
 * core, callers and servers all virtual threads) that is forever, and the callers queued on the
 * lock behind it wait with it.
 */
final class ConnectionPool {

    /** One configured endpoint: a host name and port. */
    record Endpoint(String host, int port) {

        /** {@code host:port}, or {@code host} for the default port; an IPv6 literal in brackets. */
        static Endpoint parse(String address, int defaultPort) {
            int colon = address.lastIndexOf(':');
            boolean hasPort = colon > 0 && address.indexOf(']', colon) < 0;
            String host = hasPort ? address.substring(0, colon) : address;
            int port;
            try {
                port = hasPort ? Integer.parseInt(address.substring(colon + 1)) : defaultPort;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid address: " + address);
            }
            if (host.isEmpty() || port <= 0 || port > 65535) {
                throw new IllegalArgumentException("invalid address: " + address);
            }
            return new Endpoint(host, port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private final ClientSettings settings;
    private final List<Endpoint> endpoints;
    private final boolean tls;
    private final int maxConnections;
    private final Duration maxConnectionWait;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final ArrayDeque<ClientConnection> idle = new ArrayDeque<>();
    /** Every open connection; replaced, never changed, under the lock (rarely: on dial and close), read by the watchdog without it. */
    private volatile ClientConnection[] open = new ClientConnection[0];
    /** The idle connection least recently used, for the watchdog to see without the lock; set under it. */
    private volatile ClientConnection oldestIdle;
    private int opening;
    private int nextEndpoint;
    private boolean closed;

    // DNS cache, guarded by the lock
    private final InetAddress[][] addresses;
    private final long[] resolvedAt;
    private final int[] nextAddress;

    ConnectionPool(ClientSettings settings, List<Endpoint> endpoints, boolean tls) {
        this(settings, endpoints, tls, settings.maxConnections(), settings.maxConnectionWait());
    }

    ConnectionPool(ClientSettings settings, List<Endpoint> endpoints, boolean tls, int maxConnections, Duration maxConnectionWait) {
        this.settings = settings;
        this.endpoints = List.copyOf(endpoints);
        this.tls = tls;
        this.maxConnections = maxConnections;
        this.maxConnectionWait = maxConnectionWait;
        this.addresses = new InetAddress[endpoints.size()][];
        this.resolvedAt = new long[endpoints.size()];
        this.nextAddress = new int[endpoints.size()];
    }

    /**
     * An idle connection, or a new one if under the limit; else waits until {@code deadline}
     * ({@link System#nanoTime()}, 0 for none) within the configured connection wait.
     */
    ClientConnection acquire(long deadline) throws IOException {
        long waitUntil = System.nanoTime() + maxConnectionWait.toNanos();
        if (deadline != 0 && deadline - waitUntil < 0) {
            waitUntil = deadline;
        }
        Endpoint endpoint;
        InetSocketAddress address;
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IOException("client closed");
                }
                ClientConnection c = idle.pollFirst();
                if (c != null) {
                    idleChanged();
                    long now = System.nanoTime();
                    if (now - c.lastUsedNanos < settings.maxIdleConnectionDuration().toNanos()) {
                        return c;
                    }
                    drop(c); // idle too long: the server has probably closed it
                    continue;
                }
                if (open.length + opening < maxConnections) {
                    int e = nextEndpoint;
                    nextEndpoint = (nextEndpoint + 1) % endpoints.size();
                    endpoint = endpoints.get(e);
                    address = new InetSocketAddress(resolve(e), endpoint.port()); // may fail: before counting
                    opening++;
                    break;
                }
                long left = waitUntil - System.nanoTime();
                if (left <= 0 || !waitFor(left)) {
                    throw new ClientException(ClientException.Kind.NO_FREE_CONNECTIONS,
                            "all " + maxConnections + " connections to " + endpoints.get(0) + " are busy");
                }
            }
        } finally {
            lock.unlock();
        }
        return dial(endpoint, address);
    }

    /** Waits until a connection is released or {@code nanos} pass; false if interrupted. Lock held. */
    private boolean waitFor(long nanos) {
        try {
            freed.awaitNanos(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ClientConnection dial(Endpoint endpoint, InetSocketAddress address) throws IOException {
        Socket socket = null;
        try {
            socket = settings.dialer().dial(address, settings.connectTimeout());
            Socket secured = tls ? TlsHandshake.secure(socket, endpoint.host(), endpoint.port(), settings) : socket;
            ClientConnection c = new ClientConnection(secured, socket, System.nanoTime());
            lock.lock();
            try {
                opening--;
                open = with(open, c);
            } finally {
                lock.unlock();
            }
            return c;
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                socket.close();
            }
            lock.lock();
            try {
                opening--;
                freed.signal();
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** Looks the endpoint's host up, or reuses the answer within the DNS cache period; round-robin over its addresses. */
    private InetAddress resolve(int e) throws UnknownHostException {
        long now = System.nanoTime();
        InetAddress[] known = addresses[e];
        if (known == null || now - resolvedAt[e] > settings.dnsCacheDuration().toNanos()) {
            String host = endpoints.get(e).host();
            known = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            addresses[e] = known;
            resolvedAt[e] = now;
        }
        int i = nextAddress[e];
        nextAddress[e] = (i + 1) % known.length;
        return known[i % known.length];
    }

    /** Takes a connection back: kept for reuse if {@code reusable} and not too old, else closed. */
    void release(ClientConnection c, boolean reusable) {
        long now = System.nanoTime();
        boolean tooOld = !settings.maxConnectionDuration().isZero()
                && now - c.openedNanos > settings.maxConnectionDuration().toNanos();
        lock.lock();
        try {
            if (reusable && !tooOld && !closed) {
                c.lastUsedNanos = now;
                idle.addFirst(c);
                idleChanged();
            } else {
                drop(c);
            }
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Closes a connection that failed. */
    void discard(ClientConnection c) {
        lock.lock();
        try {
            c.abort();
            open = without(open, c);
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Closes a connection at rest. Lock held. */
    private void drop(ClientConnection c) {
        c.close();
        open = without(open, c);
    }

    /** Keeps {@link #oldestIdle} true after the idle stack changed. Lock held. */
    private void idleChanged() {
        ClientConnection oldest = idle.peekLast();
        if (oldest != oldestIdle) { // mostly the same: spare the hot path a volatile write
            oldestIdle = oldest;
        }
    }

    private static ClientConnection[] with(ClientConnection[] all, ClientConnection c) {
        ClientConnection[] more = Arrays.copyOf(all, all.length + 1);
        more[all.length] = c;
        return more;
    }

    private static ClientConnection[] without(ClientConnection[] all, ClientConnection c) {
        for (int i = 0; i < all.length; i++) {
            if (all[i] == c) {
                ClientConnection[] fewer = Arrays.copyOf(all, all.length - 1);
                System.arraycopy(all, i + 1, fewer, i, all.length - 1 - i);
                return fewer;
            }
        }
        return all;
    }

    /**
     * Watchdog, every few milliseconds: cuts writes and reads past their deadline, closes
     * connections idle too long. Takes the lock only for the latter, when one is due.
     */
    void sweep(long now) {
        for (ClientConnection c : open) { // an array: no iterator to allocate
            if (c.pastDeadline(now)) {
                c.cutAtDeadline(); // the blocked write or read fails; the caller reports the timeout
            }
        }
        long maxIdle = settings.maxIdleConnectionDuration().toNanos();
        ClientConnection oldest = oldestIdle;
        if (oldest == null || now - oldest.lastUsedNanos <= maxIdle) {
            return;
        }
        lock.lock();
        try {
            while ((oldest = idle.peekLast()) != null && now - oldest.lastUsedNanos > maxIdle) {
                idle.pollLast();
                drop(oldest);
            }
            idleChanged();
        } finally {
            lock.unlock();
        }
    }

    int openConnections() {
        lock.lock();
        try {
            return open.length;
        } finally {
            lock.unlock();
        }
    }

    int idleConnections() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    /** Closes every idle connection; those in use stay open. */
    void closeIdle() {
        lock.lock();
        try {
            ClientConnection c;
            while ((c = idle.pollFirst()) != null) {
                drop(c);
            }
            idleChanged();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            for (ClientConnection c : open) {
                if (idle.contains(c)) {
                    c.close();
                } else {
                    c.abort(); // in use: its call fails at once
                }
            }
            open = new ClientConnection[0];
            idle.clear();
            idleChanged();
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
