package dev.fasthttp.client;

import dev.fasthttp.internal.http1.HeaderBlock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Settings of a {@link HostClient} (and of each host of a {@link Client}); see
 * {@link Builder} for what each means and its default.
 */
public record ClientSettings(
        int maxConnections,
        Duration maxIdleConnectionDuration,
        Duration maxConnectionDuration,
        Duration maxConnectionWait,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        int maxResponseHeaderSize,
        long maxResponseBodySize,
        int maxAttempts,
        RetryPredicate retryIf,
        String userAgent,
        Dialer dialer,
        Duration dnsCacheDuration,
        SSLContext sslContext,
        Duration tlsHandshakeTimeout,
        boolean streamResponseBody,
        long maxResponseDrainSize,
        int bodyStreamBufferSize,
        Duration expectContinueTimeout) {

    /**
     * The largest body a buffered response can hold: one array holds the head and the body. A
     * streamed body is bounded by {@link #maxResponseBodySize} alone.
     */
    static final long MAX_BUFFERED_BODY_SIZE = Integer.MAX_VALUE - 1024 * 1024;

    /** The body size limit of a buffered response: the setting, within what one array can hold. */
    long maxBufferedBodySize() {
        return Math.min(maxResponseBodySize, MAX_BUFFERED_BODY_SIZE);
    }

    /** Opens the TCP connections; replace it to go through a proxy, set socket options, or count connections. */
    @FunctionalInterface
    public interface Dialer {
        Socket dial(InetSocketAddress address, Duration timeout) throws IOException;

        /**
         * A plain TCP connection with Nagle's algorithm off. It connects without a socket timeout,
         * the watchdog closing the socket if the timeout passes: a timed connect leaves the socket
         * non-blocking for good, which turns every later read into a failed read, a poll and a read.
         */
        Dialer TCP = (address, timeout) -> {
            Socket socket = new Socket();
            ClientWatchdog.Pending pending = ClientWatchdog.closeUnlessDoneWithin(socket, timeout);
            try {
                socket.setTcpNoDelay(true);
                socket.connect(address);
                if (pending.expired()) {
                    throw new SocketException("closed at the connect timeout"); // connected just too late
                }
                return socket;
            } catch (IOException e) {
                socket.close();
                throw pending.expired() ? new SocketTimeoutException("connect to " + address + " timed out after " + timeout) : e;
            } finally {
                pending.done();
            }
        };
    }

    /**
     * Decides whether a request that failed before any byte of a response came back is tried
     * again, on another connection.
     */
    @FunctionalInterface
    public interface RetryPredicate {
        boolean retry(ClientRequest request, IOException failure, int attempt);

        /** Idempotent requests only (RFC 9110 9.2.2): repeating them is harmless. */
        RetryPredicate IDEMPOTENT = (request, failure, attempt) -> request.isIdempotent();
    }

    /** The settings every client builder has. */
    public abstract static class Builder<B extends Builder<B>> {

        private int maxConnections = 512;
        private Duration maxIdleConnectionDuration = Duration.ofSeconds(10);
        private Duration maxConnectionDuration = Duration.ZERO;
        private Duration maxConnectionWait = Duration.ZERO;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private int maxResponseHeaderSize = 64 * 1024;
        private long maxResponseBodySize = 64L * 1024 * 1024;
        private int maxAttempts = 5;
        private RetryPredicate retryIf = RetryPredicate.IDEMPOTENT;
        private String userAgent = "fasthttp";
        private Dialer dialer = Dialer.TCP;
        private Duration dnsCacheDuration = Duration.ofMinutes(1);
        private SSLContext sslContext;
        private Duration tlsHandshakeTimeout = Duration.ofSeconds(10);
        private boolean streamResponseBody;
        private long maxResponseDrainSize = 64 * 1024;
        private int bodyStreamBufferSize = 16 * 1024;
        private Duration expectContinueTimeout = Duration.ofSeconds(1);

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Most connections open to one host at once. Default 512. A call that finds all busy waits
         * up to {@link #maxConnectionWait} for one, or fails at once.
         */
        public B maxConnections(int connections) {
            if (connections <= 0) {
                throw new IllegalArgumentException("maxConnections must be positive");
            }
            this.maxConnections = connections;
            return self();
        }

        /** How long an unused keep-alive connection is kept. Default 10 s; servers close idle ones too. */
        public B maxIdleConnectionDuration(Duration duration) {
            this.maxIdleConnectionDuration = positive(duration, "maxIdleConnectionDuration");
            return self();
        }

        /** Connections older than this are closed after their current request. Default: no limit (zero). */
        public B maxConnectionDuration(Duration duration) {
            this.maxConnectionDuration = nonNegative(duration, "maxConnectionDuration");
            return self();
        }

        /**
         * How long a call waits for a free connection when {@link #maxConnections} are busy.
         * Default zero: fail at once with {@link ClientException.Kind#NO_FREE_CONNECTIONS}.
         */
        public B maxConnectionWait(Duration duration) {
            this.maxConnectionWait = nonNegative(duration, "maxConnectionWait");
            return self();
        }

        /** Time to establish a TCP connection. Default 10 s. */
        public B connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return self();
        }

        /**
         * Time a response may take to arrive in full, per call. Default 30 s. For a streamed
         * response, the time its head may take, then the time each read of its body may wait.
         */
        public B readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return self();
        }

        /**
         * Time a request may take to be written. Default 30 s. For a streamed request body, the
         * time each write of it may take.
         */
        public B writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return self();
        }

        /**
         * Largest response head accepted, and largest chunked trailer section. Default 64 KiB, at
         * most 1 MiB (with the largest body, a response then still fits in one array).
         */
        public B maxResponseHeaderSize(int bytes) {
            if (bytes <= 0 || bytes > 1024 * 1024) {
                throw new IllegalArgumentException("maxResponseHeaderSize out of range (1 byte to 1 MiB): " + bytes);
            }
            this.maxResponseHeaderSize = bytes;
            return self();
        }

        /**
         * Largest response body accepted. Default 64 MiB. A buffered body is held in memory whole,
         * so this bounds the memory of a call; a streamed one ({@link #streamResponseBody}) is not,
         * and the limit still holds: a Content-Length above it fails the call, and a chunked or
         * close-delimited body that grows past it fails the stream's read that crosses it. Any
         * size is accepted, {@link Long#MAX_VALUE} for no limit; a buffered body is held in one
         * array, so buffered calls stop at 2 GiB - 1 MiB whatever this says.
         */
        public B maxResponseBodySize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxResponseBodySize out of range: " + bytes);
            }
            this.maxResponseBodySize = bytes;
            return self();
        }

        /** Tries per call, retries included, for failures before any response byte came. Default 5. */
        public B maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = attempts;
            return self();
        }

        /** Which failed requests are retried. Default: idempotent ones. */
        public B retryIf(RetryPredicate predicate) {
            this.retryIf = Objects.requireNonNull(predicate, "predicate");
            return self();
        }

        /** The User-Agent sent unless a request sets one; null sends none. Default "fasthttp". */
        public B userAgent(String userAgent) {
            if (userAgent != null) {
                HeaderBlock.checkValue(userAgent);
            }
            this.userAgent = userAgent;
            return self();
        }

        public B dialer(Dialer dialer) {
            this.dialer = Objects.requireNonNull(dialer, "dialer");
            return self();
        }

        /** How long a host name's addresses are reused before being looked up again. Default 1 minute. */
        public B dnsCacheDuration(Duration duration) {
            this.dnsCacheDuration = nonNegative(duration, "dnsCacheDuration");
            return self();
        }

        /**
         * The TLS context of https connections: its trust managers decide which servers are
         * believed, its key managers which client certificate is shown. Default: the JDK's default
         * context (the {@code cacerts} trust store, or the {@code javax.net.ssl.*} properties).
         * Server names are verified as browsers do (RFC 2818) whatever the context.
         */
        public B sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return self();
        }

        /** Time for the TLS handshake of an https connection, after the TCP connect. Default 10 s. */
        public B tlsHandshakeTimeout(Duration timeout) {
            this.tlsHandshakeTimeout = positive(timeout, "tlsHandshakeTimeout");
            return self();
        }

        /**
         * Whether responses are streamed by default, as Go's {@code Client.StreamResponseBody}:
         * the call returns once the head has come, and the body is read from {@link
         * ClientResponse#bodyStream()} as it arrives, through the response's read buffer, so a body
         * of any size takes a few KiB. A request may ask for either itself ({@link
         * ClientRequest#setStreamResponseBody}). Default false: bodies are read whole into the
         * response, which is what the allocation-free path does. {@link PipelineClient} refuses it:
         * a streamed body would hold up every response behind it on the connection.
         */
        public B streamResponseBody(boolean stream) {
            this.streamResponseBody = stream;
            return self();
        }

        /**
         * How much of a streamed response body left unread is read and thrown away when its stream
         * is closed, to keep the connection; a longer rest (or one that does not come within the
         * read timeout) closes the connection instead. Default 64 KiB: reading that costs less than
         * a new connection. Zero closes the connection whenever a body is left unread.
         */
        public B maxResponseDrainSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxResponseDrainSize must not be negative");
            }
            this.maxResponseDrainSize = bytes;
            return self();
        }

        /**
         * The buffer a streamed request body ({@link ClientRequest#setBodyStream}) is copied through,
         * one per connection: each write sends at most this much. Default 16 KiB; larger means fewer
         * system calls for large uploads and that much more memory per connection.
         */
        public B bodyStreamBufferSize(int bytes) {
            if (bytes < 512 || bytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("bodyStreamBufferSize out of range (512 bytes to 16 MiB): " + bytes);
            }
            this.bodyStreamBufferSize = bytes;
            return self();
        }

        /**
         * How long a request sent with {@code Expect: 100-continue} ({@link
         * ClientRequest#setExpectContinue}) waits for the server's {@code 100 Continue} before its
         * body goes anyway, as Go's {@code Transport.ExpectContinueTimeout}: a server that does not
         * know the expectation never sends one (RFC 9110 10.1.1). Default 1 s, as Go's; at most 1
         * minute, and never longer than {@link #readTimeout}. Longer saves more bodies from servers
         * that answer slowly before refusing them, and delays every upload to servers that ignore
         * the expectation by as much.
         */
        public B expectContinueTimeout(Duration timeout) {
            if (positive(timeout, "expectContinueTimeout").compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("expectContinueTimeout out of range (at most 1 minute): " + timeout);
            }
            this.expectContinueTimeout = timeout;
            return self();
        }

        ClientSettings settings() {
            return new ClientSettings(maxConnections, maxIdleConnectionDuration, maxConnectionDuration, maxConnectionWait,
                    connectTimeout, readTimeout, writeTimeout, maxResponseHeaderSize, maxResponseBodySize, maxAttempts,
                    retryIf, userAgent, dialer, dnsCacheDuration, sslContext, tlsHandshakeTimeout,
                    streamResponseBody, maxResponseDrainSize, bodyStreamBufferSize, expectContinueTimeout);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        private static Duration nonNegative(Duration d, String name) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }
    }
}
