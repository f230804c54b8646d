package dev.fasthttp.client;

import dev.fasthttp.internal.http1.HeaderBlock;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * An HTTP/1.1 client for one host that pipelines (RFC 9112 9.3.2): the requests of all callers go
 * out back to back on a few connections, without waiting for the responses before them, and the
 * responses come back in order. Many callers of one backend then share few connections and few
 * system calls. The price: a slow response delays every response behind it on its connection,
 * and if it times out, those fail with it. Use {@link HostClient} unless that trade is wanted.
 *
 * <pre>{@code
 * PipelineClient backend = PipelineClient.builder("localhost:8080").maxConnections(2).build();
 * backend.doRequest(req, resp);     // from any number of threads
 * }</pre>
 *
 * <p>Platform-thread callers write and read for the connection themselves while they wait, so a
 * lone caller's request costs what it costs through {@link HostClient}; virtual-thread callers
 * leave that to two virtual threads of each connection, so that one caller's interrupt cannot
 * close a connection others share (see {@link PipelinedConnection}).
 *
 * <p>Once warm, a call allocates nothing on the calling thread: each thread reuses one call
 * record, and each connection its buffers. Requests that never went out (their connection failed
 * first) are sent on another connection; idempotent ones that went out but got no byte of response
 * are retried as {@link HostClient} retries them.
 *
 * <p>Bodies go both ways whole, from and into memory: a streamed request or response body
 * ({@link ClientRequest#setBodyStream}, {@link ClientRequest#setStreamResponseBody}) is refused
 * with an IllegalArgumentException, since either would hold the connection, and every call
 * queued behind it, for as long as the stream takes. So is a request that expects {@code 100
 * Continue} ({@link ClientRequest#setExpectContinue}): waiting for the server's word before the
 * body is the opposite of pipelining, which sends without waiting, and the requests queued behind
 * it would go out in the middle of the wait.
 */
public final class PipelineClient implements AutoCloseable {

    /**
     * Closes the connections of a client dropped without being closed: the threads serving
     * virtual-thread callers wait for work until then, and hold their connection meanwhile.
     */
    private static final Cleaner DROPPED_CLIENTS = Cleaner.create();

    private final ClientSettings settings;
    private final int maxPendingRequests;
    private final ConnectionPool pool;
    private final String hostHeader;
    private final String host;
    private final int port;
    private final boolean tls;
    private final PipelinedConnection[] connections;
    private final ThreadLocal<PipelineCall> calls = ThreadLocal.withInitial(PipelineCall::new);
    private final Cleaner.Cleanable closer;
    private boolean closed; // guarded by connections

    private PipelineClient(Builder b) {
        this.settings = b.settings();
        if (settings.streamResponseBody()) {
            throw new IllegalArgumentException("a PipelineClient reads responses whole: a streamed body would hold up "
                    + "every response behind it on its connection; stream with a HostClient");
        }
        this.maxPendingRequests = b.maxPendingRequests;
        this.tls = b.tls;
        ConnectionPool.Endpoint endpoint = ConnectionPool.Endpoint.parse(b.address, HostClient.defaultPort(tls));
        this.host = endpoint.host();
        this.port = endpoint.port();
        this.hostHeader = b.hostHeader != null ? b.hostHeader : HostClient.defaultHostHeader(host, port, tls);
        // Room for a connection the server is closing to linger while its replacement opens.
        this.pool = new ConnectionPool(settings, List.of(endpoint), tls, 2 * settings.maxConnections(), settings.connectTimeout());
        this.connections = new PipelinedConnection[settings.maxConnections()];
        ClientWatchdog.watch(pool);
        this.closer = DROPPED_CLIENTS.register(this, new Closer(connections, pool));
    }

    /** A client for {@code address}: {@code host:port}, or {@code host} for port 80 (443 with {@link Builder#tls}). */
    public static Builder builder(String address) {
        ConnectionPool.Endpoint.parse(address, 80); // fails now if malformed
        return new Builder(address);
    }

    public void doRequest(ClientRequest req, ClientResponse resp) throws IOException {
        execute(req, resp, 0);
    }

    /**
     * As {@link #doRequest}, but the call ends after {@code timeout}. A request already sent
     * cannot be taken back: its connection is closed, failing the requests behind it too.
     */
    public void doTimeout(ClientRequest req, ClientResponse resp, Duration timeout) throws IOException {
        execute(req, resp, System.nanoTime() + timeout.toNanos());
    }

    /** As {@link #doTimeout}, ending at {@code deadline}. */
    public void doDeadline(ClientRequest req, ClientResponse resp, Instant deadline) throws IOException {
        execute(req, resp, System.nanoTime() + Duration.between(Instant.now(), deadline).toNanos());
    }

    private void execute(ClientRequest req, ClientResponse resp, long deadline) throws IOException {
        if (!req.isFor(tls, host, port)) {
            throw new IllegalArgumentException(req.requestUri() + " is not on " + this);
        }
        if (req.hasBodyStream() || req.streamsResponse(false)) {
            throw new IllegalArgumentException("a PipelineClient sends bodies from memory and reads responses whole; "
                    + "stream with a HostClient: " + req);
        }
        if (req.expectsContinue()) {
            throw new IllegalArgumentException("a PipelineClient sends requests without waiting, not for 100 Continue; "
                    + "expect it with a HostClient: " + req);
        }
        resp.closeStream();
        PipelineCall call = calls.get();
        for (int attempt = 1; ; attempt++) {
            call.prepare(req, resp, deadline);
            if (deadline != 0 && System.nanoTime() - deadline >= 0) {
                throw new ClientException(ClientException.Kind.TIMEOUT, "the deadline passed");
            }
            try {
                submit(call).await(call);
                return;
            } catch (IOException e) {
                // A request that never went out can go on another connection whatever it is; one
                // that went out and got no byte back, as HostClient decides. A refused certificate
                // would be refused again.
                boolean retry = call.unsent && !(e instanceof SSLException)
                        || HostClient.nothingCameBack(e, resp) && settings.retryIf().retry(req, e, attempt);
                if (!retry || attempt >= settings.maxAttempts()) {
                    throw e;
                }
            }
        }
    }

    /**
     * Queues the call on the connection with the fewest calls pending, opening another (up to
     * maxConnections) when all open ones are busy; returns the connection.
     */
    private PipelinedConnection submit(PipelineCall call) throws IOException {
        synchronized (connections) {
            if (closed) {
                throw new IOException("client closed");
            }
            // Twice: a connection can start closing between the look and the offer; then it is free.
            for (int pass = 0; pass < 2; pass++) {
                PipelinedConnection best = null;
                int bestPending = Integer.MAX_VALUE;
                int free = -1;
                for (int i = 0; i < connections.length; i++) {
                    PipelinedConnection c = connections[i];
                    if (c == null || c.isClosing()) {
                        if (free < 0) {
                            free = i;
                        }
                        continue;
                    }
                    int pending = c.pending();
                    if (pending < bestPending) {
                        best = c;
                        bestPending = pending;
                    }
                }
                if (best != null && (bestPending == 0 || free < 0) && best.offer(call)) {
                    return best;
                }
                if (free >= 0) {
                    connections[free] = new PipelinedConnection(pool, settings, hostHeader, maxPendingRequests);
                    connections[free].offer(call); // cannot refuse: it is new
                    return connections[free];
                }
            }
        }
        throw new ClientException(ClientException.Kind.NO_FREE_CONNECTIONS, "all " + connections.length + " connections to "
                + host + ":" + port + " have " + maxPendingRequests + " requests pending (maxPendingRequests)");
    }

    /** Connections open to the host now. */
    public int openConnections() {
        return pool.openConnections();
    }

    /** Fails the calls in progress and closes every connection; calls made afterwards fail. */
    @Override
    public void close() {
        synchronized (connections) {
            closed = true;
        }
        closer.clean(); // once, whether here or after the client was dropped
    }

    /** What closing takes, without the client itself, so that a dropped client can be collected and then closed. */
    private record Closer(PipelinedConnection[] connections, ConnectionPool pool) implements Runnable {
        @Override
        public void run() {
            synchronized (connections) {
                for (PipelinedConnection c : connections) {
                    if (c != null) {
                        c.close(new IOException("client closed"));
                    }
                }
            }
            pool.close();
            ClientWatchdog.forget(pool);
        }
    }

    @Override
    public String toString() {
        return "PipelineClient[" + (tls ? "https://" : "http://") + host + ":" + port + "]";
    }

    /**
     * Settings of a {@link PipelineClient}: those of {@link ClientSettings.Builder}, except that
     * {@link #maxConnections} defaults to 1, {@code maxConnectionWait} does not apply and {@code
     * maxConnectionDuration} ends a connection only once nothing is pending on it; plus {@link
     * #maxPendingRequests}.
     */
    public static final class Builder extends ClientSettings.Builder<Builder> {

        private final String address;
        private boolean tls;
        private String hostHeader;
        private int maxPendingRequests = 1024;

        private Builder(String address) {
            this.address = address;
            maxConnections(1);
        }

        /** Speaks https, as {@link HostClient.Builder#tls} does. Default: plain http. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** The Host header of requests whose URI is only a path. Default: the address. */
        public Builder hostHeader(String hostHeader) {
            HeaderBlock.checkValue(hostHeader);
            this.hostHeader = hostHeader;
            return this;
        }

        /**
         * Most requests queued or awaiting their response on one connection. Default 1024. A call
         * finding every connection this full fails at once with {@link
         * ClientException.Kind#NO_FREE_CONNECTIONS}.
         */
        public Builder maxPendingRequests(int requests) {
            if (requests <= 0) {
                throw new IllegalArgumentException("maxPendingRequests must be positive");
            }
            this.maxPendingRequests = requests;
            return this;
        }

        public PipelineClient build() {
            return new PipelineClient(this);
        }
    }
}
