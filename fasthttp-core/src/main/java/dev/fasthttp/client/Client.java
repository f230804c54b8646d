package dev.fasthttp.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An HTTP/1.1 client for any host: one {@link HostClient} per scheme, host and port, created on
 * first use with this client's settings. Requests carry absolute URIs ({@code http://host:port/path}
 * or {@code https://...}; https verifies the server as {@link ClientSettings.Builder#sslContext} says).
 *
 * <pre>{@code
 * Client client = Client.builder().readTimeout(Duration.ofSeconds(5)).build();
 * ClientResponse resp = new ClientResponse();
 * client.get("http://example.com/", resp);     // follows up to 16 redirects
 * }</pre>
 *
 * Finding the host client compares the URI's host in place: calls allocate no more than the
 * host client does (nothing, once warm). Safe for any number of threads.
 */
public final class Client implements AutoCloseable {

    /** How many redirects {@link #get} and {@link #post} follow. */
    public static final int DEFAULT_MAX_REDIRECTS = 16;

    private final Builder builder;
    // Built once, so that following redirects allocates nothing when there are none.
    private final Redirects.Call call = this::doRequest;
    private volatile Host[] hosts = new Host[0];
    private volatile boolean closed;

    private record Host(boolean https, String host, int port, HostClient client) {
    }

    private Client(Builder builder) {
        this.builder = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public void doRequest(ClientRequest req, ClientResponse resp) throws IOException {
        hostClient(req).doRequest(req, resp);
    }

    public void doTimeout(ClientRequest req, ClientResponse resp, Duration timeout) throws IOException {
        hostClient(req).doTimeout(req, resp, timeout);
    }

    public void doDeadline(ClientRequest req, ClientResponse resp, Instant deadline) throws IOException {
        hostClient(req).doDeadline(req, resp, deadline);
    }

    /** As {@link #doRequest}, following up to {@code maxRedirects} redirects, to any host. */
    public void doRedirects(ClientRequest req, ClientResponse resp, int maxRedirects) throws IOException {
        Redirects.follow(call, req, resp, maxRedirects, Redirects.ANY_HOST);
    }

    /** GETs {@code url}, following up to {@value #DEFAULT_MAX_REDIRECTS} redirects. Builds a request: allocates. */
    public void get(String url, ClientResponse resp) throws IOException {
        doRedirects(new ClientRequest().setRequestUri(url), resp, DEFAULT_MAX_REDIRECTS);
    }

    /** POSTs {@code body} to {@code url}, following up to {@value #DEFAULT_MAX_REDIRECTS} redirects. Allocates. */
    public void post(String url, String contentType, byte[] body, ClientResponse resp) throws IOException {
        ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri(url).setBody(body);
        req.headers().set("Content-Type", contentType);
        doRedirects(req, resp, DEFAULT_MAX_REDIRECTS);
    }

    /** The host client serving the request's host and port, created on first use. */
    HostClient hostClient(ClientRequest req) throws IOException {
        if (!req.isAbsolute()) {
            throw new IllegalArgumentException("a Client needs absolute URIs (http://host/path): " + req.requestUri());
        }
        for (Host h : hosts) {
            if (req.isFor(h.https(), h.host(), h.port())) {
                return h.client();
            }
        }
        return addHost(req.isHttps(), req.host(), req.port());
    }

    private synchronized HostClient addHost(boolean https, String host, int port) throws IOException {
        if (closed) {
            throw new IOException("client closed");
        }
        for (Host h : hosts) {
            if (h.port() == port && h.https() == https && h.host().equalsIgnoreCase(host)) {
                return h.client();
            }
        }
        HostClient client = builder.hostClient(https, host + ":" + port);
        Host[] grown = Arrays.copyOf(hosts, hosts.length + 1);
        grown[hosts.length] = new Host(https, host, port, client);
        hosts = grown;
        return client;
    }

    /**
     * Closes the connections idle in the pools of every host now, as {@link
     * HostClient#closeIdleConnections()} does for one; connections in use are left alone.
     */
    public void closeIdleConnections() {
        for (Host h : hosts) {
            h.client().closeIdleConnections();
        }
    }

    /** Connections open to all hosts now, idle ones included. */
    public int openConnections() {
        int n = 0;
        for (Host h : hosts) {
            n += h.client().openConnections();
        }
        return n;
    }

    /** Keep-alive connections to all hosts waiting for a request. */
    public int idleConnections() {
        int n = 0;
        for (Host h : hosts) {
            n += h.client().idleConnections();
        }
        return n;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Host h : hosts) {
            h.client().close();
        }
        hosts = new Host[0];
    }

    /** Settings applied to every host; see {@link ClientSettings.Builder}. */
    public static final class Builder extends ClientSettings.Builder<Builder> {

        private Builder() {
        }

        public Client build() {
            return new Client(this);
        }

        HostClient hostClient(boolean https, String address) {
            return new HostClient(settings(), List.of(ConnectionPool.Endpoint.parse(address, HostClient.defaultPort(https))), https, null);
        }
    }
}
