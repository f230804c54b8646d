package dev.fasthttp;

import dev.fasthttp.internal.http1.RequestHead;
import java.net.InetSocketAddress;

/**
 * What handlers and listeners may know of a connection ({@link RequestCtx#connection()}): its id,
 * addresses and request count. One per pooled connection object, set anew when it opens.
 */
final class ConnectionIdentity implements ConnectionInfo {

    private final Server server;
    private long id;
    private InetSocketAddress remote;
    private long requestCount;

    ConnectionIdentity(Server server) {
        this.server = server;
    }

    void open(long id, InetSocketAddress remote) {
        this.id = id;
        this.remote = remote;
        this.requestCount = 0;
    }

    /** A request began on the connection. */
    void countRequest() {
        requestCount++;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    @Override
    public long requestCount() {
        return requestCount;
    }

    /**
     * Whether the connection may serve another request after the one whose head is {@code head}:
     * keep-alive is on and asked for, the server is not draining, the request limit not reached.
     */
    boolean keepAliveAfter(RequestHead head, ServerSettings settings) {
        return settings.keepAlive() && head.keepAlive() && !server.state.draining()
                && (settings.maxRequestsPerConnection() == 0 || requestCount < settings.maxRequestsPerConnection());
    }

    /** Tells the server's listener, if any, that this connection entered {@code state}. */
    void notify(ServerSettings settings, ConnectionState state) {
        ConnectionStateListener listener = settings.connectionStateListener();
        if (listener != null) {
            try {
                listener.onStateChange(this, state);
            } catch (RuntimeException e) {
                settings.logger().log(System.Logger.Level.WARNING, "connection state listener failed", e);
            }
        }
    }
}
