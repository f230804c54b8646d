package dev.fasthttp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections of one {@link HostClient}: idle ones reused most-recent first (warm caches, and
 * the oldest left to expire), new ones dialed up to the limit, callers over the limit waiting or
 * refused. Host names are resolved once per DNS cache period; several addresses, and several
 * configured endpoints, are used round-robin.
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
    private final List<ClientConnection> open = new ArrayList<>();
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
                    long now = System.nanoTime();
                    if (now - c.lastUsedNanos < settings.maxIdleConnectionDuration().toNanos()) {
                        return c;
                    }
                    drop(c); // idle too long: the server has probably closed it
                    continue;
                }
                if (open.size() + opening < maxConnections) {
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
                open.add(c);
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
            open.remove(c);
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Closes a connection at rest. Lock held. */
    private void drop(ClientConnection c) {
        c.close();
        open.remove(c);
    }

    /** Watchdog, every few milliseconds: cuts writes and reads past their deadline, closes connections idle too long. */
    void sweep(long now) {
        lock.lock();
        try {
            for (int i = 0; i < open.size(); i++) { // indexed: no iterator to allocate
                ClientConnection c = open.get(i);
                if (c.pastDeadline(now)) {
                    c.abort(); // the blocked write or read fails; the caller reports the timeout
                }
            }
            ClientConnection oldest;
            while ((oldest = idle.peekLast()) != null && now - oldest.lastUsedNanos > settings.maxIdleConnectionDuration().toNanos()) {
                idle.pollLast();
                drop(oldest);
            }
        } finally {
            lock.unlock();
        }
    }

    int openConnections() {
        lock.lock();
        try {
            return open.size();
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
            open.clear();
            idle.clear();
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
