package dev.fasthttp.client;

import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HeaderBlock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * An HTTP/1.1 client for one host (or several addresses of one service, used round-robin), with
 * a pool of keep-alive connections. Once warm, a call allocates nothing: the caller reuses its
 * {@link ClientRequest} and {@link ClientResponse}, the client its connections and their buffers.
 *
 * <pre>{@code
 * HostClient backend = HostClient.builder("localhost:8080").readTimeout(Duration.ofSeconds(2)).build();
 * ClientRequest req = new ClientRequest().setRequestUri("/users/42");
 * ClientResponse resp = new ClientResponse();
 * backend.doRequest(req, resp);
 * if (resp.statusCode() == 200) use(resp.body());
 * }</pre>
 *
 * <p>Calls block the calling thread (virtual threads are the natural callers) and are safe from
 * any number of threads at once. A request that fails before any byte of its response came back
 * (typically: a pooled connection the server had closed) is tried again on a fresh connection,
 * if it is idempotent, up to {@link ClientSettings.Builder#maxAttempts} times.
 *
 * <p>Bodies larger than memory: a request body can be a stream ({@link
 * ClientRequest#setBodyStream}, {@link MultipartBody}), and a response body can be read as a
 * stream ({@link ClientRequest#setStreamResponseBody}, {@link ClientResponse#bodyStream()}), each
 * through a buffer of a few KiB. A connection goes back to the pool only between messages: one
 * whose request body failed half-way is closed, and one whose streamed response was left unread
 * is drained of a small rest or closed (see {@link ClientResponse#bodyStream()}). A server that
 * answers before it has taken the whole body, and closes (a 413, say), gets its answer returned
 * rather than the failed write; one asked first with {@link ClientRequest#setExpectContinue} can
 * refuse a body before a byte of it is sent.
 *
 * <p>With {@link Builder#tls} it speaks https over the JDK's TLS, which allocates as it encrypts
 * and decrypts: the zero-garbage calls are those over plain HTTP.
 */
public final class HostClient implements AutoCloseable {

    /** Bodies up to this size go out in the same write as the head. */
    private static final int INLINE_BODY_LIMIT = 16 * 1024;

    private final ClientSettings settings;
    private final ConnectionPool pool;
    private final String hostHeader;
    private final String host;
    private final int port;
    private final boolean tls;
    // Built once, so that following redirects allocates nothing when there are none.
    private final Redirects.Call call = this::doRequest;
    private final Redirects.Hop sameHostOnly = this::refuseOtherHosts;

    HostClient(ClientSettings settings, List<ConnectionPool.Endpoint> endpoints, boolean tls, String hostHeader) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no address");
        }
        this.settings = settings;
        this.tls = tls;
        this.pool = new ConnectionPool(settings, endpoints, tls);
        ConnectionPool.Endpoint first = endpoints.get(0);
        this.host = first.host();
        this.port = first.port();
        this.hostHeader = hostHeader != null ? hostHeader : defaultHostHeader(host, port, tls);
        ClientWatchdog.watch(pool);
    }

    /** A client for {@code address}: {@code host:port}, or {@code host} for port 80 (443 with {@link Builder#tls}). */
    public static Builder builder(String address) {
        return new Builder().address(address);
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Sends {@code req} and reads the response into {@code resp}, within the read and write timeouts. */
    public void doRequest(ClientRequest req, ClientResponse resp) throws IOException {
        execute(req, resp, 0);
    }

    /** As {@link #doRequest}, but the whole call, retries included, ends after {@code timeout}. */
    public void doTimeout(ClientRequest req, ClientResponse resp, Duration timeout) throws IOException {
        execute(req, resp, System.nanoTime() + timeout.toNanos());
    }

    /** As {@link #doRequest}, but the whole call, retries included, ends at {@code deadline}. */
    public void doDeadline(ClientRequest req, ClientResponse resp, Instant deadline) throws IOException {
        execute(req, resp, System.nanoTime() + Duration.between(Instant.now(), deadline).toNanos());
    }

    /**
     * As {@link #doRequest}, following up to {@code maxRedirects} redirects on this host (a
     * redirect elsewhere fails: a {@link Client} follows those). 303, and 301/302 answering a
     * POST, continue as GET without the body, as browsers do.
     */
    public void doRedirects(ClientRequest req, ClientResponse resp, int maxRedirects) throws IOException {
        Redirects.follow(call, req, resp, maxRedirects, sameHostOnly);
    }

    private void refuseOtherHosts(String next, boolean crossHost) throws IOException {
        if (crossHost) {
            throw new IOException("redirect to another host (" + next + "): a HostClient serves " + this
                    + " only; use Client to follow it");
        }
    }

    private void execute(ClientRequest req, ClientResponse resp, long deadline) throws IOException {
        if (!req.isFor(tls, host, port)) {
            throw new IllegalArgumentException(req.requestUri() + " is not on " + this);
        }
        resp.closeStream(); // the last body streamed into this response gives its connection back first
        for (int attempt = 1; ; attempt++) {
            ClientConnection c = null;
            resp.buffer.clear();
            try {
                c = pool.acquire(deadline);
                exchange(c, req, resp, deadline);
                return;
            } catch (IOException e) {
                if (c != null) {
                    pool.discard(c);
                }
                boolean nothingCame = nothingCameBack(e, resp) && !req.bodyStreamTaken();
                boolean timeLeft = deadline == 0 || deadline - System.nanoTime() > 0;
                if (!nothingCame || !timeLeft || attempt >= settings.maxAttempts() || !settings.retryIf().retry(req, e, attempt)) {
                    req.dropBodyStream();
                    throw e;
                }
            } catch (RuntimeException | Error e) { // from a caller's body stream, say: the connection holds part of a body
                if (c != null) {
                    pool.discard(c);
                }
                req.dropBodyStream();
                throw e;
            }
        }
    }

    /** Writes the request and reads the response on {@code c}; gives the connection back when done. */
    private void exchange(ClientConnection c, ClientRequest req, ClientResponse resp, long deadline) throws IOException {
        if (deadline != 0 && System.nanoTime() - deadline >= 0) {
            throw new ClientException(ClientException.Kind.TIMEOUT, "the deadline passed");
        }
        boolean bodySent;
        try {
            bodySent = send(c, req, resp, deadline);
        } catch (IOException e) {
            if (!c.writeFailed) {
                throw e;
            }
            answerDespiteFailedWrite(c, req, resp, deadline, e);
            return;
        }
        // Not sent, the server having answered the expectation with a final status: the
        // connection closes after the response. The server may be reading on, to throw away the
        // body it thinks is coming (RFC 9110 10.1.1 lets it, and it then keeps the connection
        // open), so it would take our next request for that body; and sending the body only to
        // keep the connection costs more than a new one.
        receive(c, req, resp, deadline, bodySent);
    }

    /**
     * Writes the head, then the body, after the server's {@code 100 Continue} if the request
     * expects one ({@link ContinueWait}).
     *
     * @return false if the server answered the expectation instead: the body was not sent
     */
    private boolean send(ClientConnection c, ClientRequest req, ClientResponse resp, long deadline) throws IOException {
        ByteBuf out = c.requestBuffer;
        out.clear();
        boolean expect = req.expectsContinue();
        boolean bodySeparately = req.encode(out, hostHeader, settings.userAgent(), INLINE_BODY_LIMIT);
        RequestBodyWriter.write(c, out.array(), 0, out.size(), settings, deadline);
        if (expect && !ContinueWait.await(c, resp, settings, deadline)) {
            return false;
        }
        if (req.hasBodyStream()) {
            RequestBodyWriter.send(c, req, settings, deadline);
        } else if (bodySeparately) {
            ByteBuf body = req.bodyBuffer();
            RequestBodyWriter.write(c, body.array(), 0, body.size(), settings, deadline);
        }
        return true;
    }

    /**
     * A write failed, but the server may have answered before it closed, not waiting for the
     * whole body (a 413, say), as Go's transport expects too: a whole response already there,
     * read within the read timeout and the response limits, is the call's answer, and the
     * connection closes after it. Without one, the write's failure is.
     */
    private void answerDespiteFailedWrite(ClientConnection c, ClientRequest req, ClientResponse resp, long deadline, IOException writeFailure)
            throws IOException {
        try {
            receive(c, req, resp, deadline, false);
        } catch (IOException noAnswer) {
            writeFailure.addSuppressed(noAnswer);
            throw writeFailure;
        }
    }

    /**
     * Reads the response; the connection goes back to the pool after it, unless it may not
     * ({@code mayReuse} false) or cannot carry another request. A streamed response takes the
     * connection with it, and gives it back when its body is done.
     */
    private void receive(ClientConnection c, ClientRequest req, ClientResponse resp, long deadline, boolean mayReuse) throws IOException {
        if (req.streamsResponse(settings.streamResponseBody())) {
            readStreamed(c, req, resp, deadline, mayReuse);
            return;
        }
        boolean reusable;
        try {
            c.readDeadlineNanos = sooner(System.nanoTime() + settings.readTimeout().toNanos(), deadline);
            reusable = ResponseReader.read(c.in, resp, req.isHead(), settings);
            if (c.cut) {
                throw new IOException("the connection was cut at the deadline");
            }
        } catch (IOException e) {
            throw c.pastDeadline(System.nanoTime()) ? new ClientException(ClientException.Kind.TIMEOUT, "the response did not come in time", null, e) : e;
        } finally {
            c.readDeadlineNanos = 0;
        }
        c.requests++;
        pool.release(c, mayReuse && reusable && !req.connectionClose());
    }

    /**
     * Reads the head and hands the connection to the response's body stream, which gives it back
     * to the pool (or closes it) when the body is done.
     */
    private void readStreamed(ClientConnection c, ClientRequest req, ClientResponse resp, long deadline, boolean mayReuse)
            throws IOException {
        try {
            c.readDeadlineNanos = sooner(System.nanoTime() + settings.readTimeout().toNanos(), deadline);
            ResponseReader.readStreamedHead(c.in, resp, settings);
        } catch (IOException e) {
            throw c.pastDeadline(System.nanoTime()) ? new ClientException(ClientException.Kind.TIMEOUT, "the response did not come in time", null, e) : e;
        } finally {
            c.readDeadlineNanos = 0;
        }
        boolean reusable = mayReuse && resp.head.keepAlive() && !req.connectionClose();
        resp.setStream(new ResponseBodyStream(pool, c, resp, settings, deadline, resp.head.framing(req.isHead()), reusable));
    }

    static int defaultPort(boolean tls) {
        return tls ? 443 : 80;
    }

    /** {@code host}, with {@code :port} unless it is the scheme's default. */
    static String defaultHostHeader(String host, int port, boolean tls) {
        return port == defaultPort(tls) ? host : host + ":" + port;
    }

    /**
     * Whether a call failed before any byte of its response came back: a refused or reset
     * connection, or a pooled one the server had closed. Repeating an idempotent request then is
     * safe. Not a TLS failure: a certificate refused once is refused again.
     */
    static boolean nothingCameBack(IOException failure, ClientResponse resp) {
        return failure instanceof ClientException ce
                ? ce.kind() == ClientException.Kind.CONNECTION_CLOSED
                : resp.buffer.isEmpty() && !(failure instanceof SSLException);
    }

    /** {@code limit}, or the call's deadline if there is one and it comes first. */
    static long sooner(long limit, long deadline) {
        return deadline != 0 && deadline - limit < 0 ? deadline : limit;
    }

    /** Connections open to the host now, idle ones included. */
    public int openConnections() {
        return pool.openConnections();
    }

    /** Keep-alive connections waiting for a request. */
    public int idleConnections() {
        return pool.idleConnections();
    }

    /**
     * Closes the connections idle in the pool now (Go's {@code CloseIdleConnections}), say after a
     * burst of calls or before the server is redeployed; connections in use are left alone and
     * pooled as usual when their calls end. The client stays usable: later calls dial anew.
     */
    public void closeIdleConnections() {
        pool.closeIdle();
    }

    /** Closes every connection; calls made afterwards fail. */
    @Override
    public void close() {
        pool.close();
        ClientWatchdog.forget(pool);
    }

    @Override
    public String toString() {
        return "HostClient[" + (tls ? "https://" : "http://") + host + ":" + port + "]";
    }

    /** Settings of a {@link HostClient}; see {@link ClientSettings.Builder} for those all clients share. */
    public static final class Builder extends ClientSettings.Builder<Builder> {

        private final List<String> addresses = new ArrayList<>();
        private boolean tls;
        private String hostHeader;

        private Builder() {
        }

        /** Adds an address ({@code host:port}, or {@code host} for the default port); several are used round-robin. */
        public Builder address(String address) {
            ConnectionPool.Endpoint.parse(address, 80); // fails now if malformed
            addresses.add(address);
            return this;
        }

        /**
         * Speaks https: TLS over each connection, the server's certificate checked against {@link
         * #sslContext} and the host name of its address. Default port 443. Default: plain http.
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** The Host header of requests whose URI is only a path. Default: the first address. */
        public Builder hostHeader(String hostHeader) {
            HeaderBlock.checkValue(hostHeader);
            this.hostHeader = hostHeader;
            return this;
        }

        public HostClient build() {
            List<ConnectionPool.Endpoint> endpoints = new ArrayList<>();
            for (String address : addresses) {
                endpoints.add(ConnectionPool.Endpoint.parse(address, defaultPort(tls)));
            }
            return new HostClient(settings(), endpoints, tls, hostHeader);
        }
    }
}
