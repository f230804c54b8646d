package dev.fasthttp;

import dev.fasthttp.internal.http1.HeaderBlock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A server's settings, fixed when it is built: {@link Server#settings()}. See {@link Server.Builder}
 * for what each means and its default.
 */
public record ServerSettings(
        RequestHandler handler,
        InetSocketAddress address,
        String name,
        int readBufferSize,
        int writeBufferSize,
        int maxRequestHeaderSize,
        int maxRequestUriLength,
        long maxRequestBodySize,
        RequestBodyStreaming requestBodyStreaming,
        long maxStreamedRequestBodySize,
        int requestBodyStreamBufferSize,
        int maxMultipartParts,
        int maxMultipartPartHeaderSize,
        MultipartLimits multipartLimits,
        int maxConnections,
        int maxConnectionsPerIp,
        long maxRequestsPerConnection,
        Duration readTimeout,
        Duration writeTimeout,
        Duration idleTimeout,
        boolean keepAlive,
        boolean noDefaultServerHeader,
        boolean noDefaultDate,
        boolean noDefaultContentType,
        boolean normalizePath,
        int eventLoops,
        int backlog,
        Duration stallWarningThreshold,
        ErrorHandler errorHandler,
        ContinueHandler continueHandler,
        ConnectionStateListener connectionStateListener,
        ResponseObserver responseObserver,
        TrustedProxies trustedProxies,
        System.Logger logger) {

    /**
     * @param multipartLimits the limits of multipart bodies read as streams; its part count and
     *                        part header limits are replaced by {@code maxMultipartParts} and
     *                        {@code maxMultipartPartHeaderSize}, which bound buffered forms too
     */
    public ServerSettings {
        multipartLimits = multipartLimits.withMaxParts(maxMultipartParts).withMaxPartHeaderSize(maxMultipartPartHeaderSize);
    }

    /** {@code Server: <name>\r\n}, encoded once. */
    byte[] serverHeaderLine() {
        return ("Server: " + name + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code "host:port"} or {@code ":port"} (all interfaces), as {@link Server#listenAndServe} takes it. */
    static InetSocketAddress parseAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address must be host:port or :port, not " + address);
        }
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** For {@link Server.Builder}: {@code value}, if above 0. */
    static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
        return value;
    }

    static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /** How often loops look for expired deadlines: fine enough for the shortest timeout. */
    long tickIntervalNanos() {
        long shortest = Math.min(readTimeout.toNanos(), Math.min(writeTimeout.toNanos(), idleTimeout.toNanos()));
        return Math.clamp(shortest / 20, Duration.ofMillis(5).toNanos(), Duration.ofMillis(250).toNanos());
    }

    /**
     * The settings of a {@link Server}, for {@link Server#builder()}. Every setting has a default
     * that suits a service handling many small requests; each says what changing it costs.
     */
    public abstract static sealed class Builder<B extends Builder<B>> permits Server.Builder {

        private RequestHandler handler;
        private String host;
        private int port = 8080;
        private String name = "fasthttp";
        private int readBufferSize = 4096;
        private int writeBufferSize = 4096;
        private int maxRequestHeaderSize = 16 * 1024;
        private int maxRequestUriLength = 8 * 1024;
        private long maxRequestBodySize = 4 * 1024 * 1024;
        private RequestBodyStreaming requestBodyStreaming;
        private long maxStreamedRequestBodySize = 1L << 30;
        private int requestBodyStreamBufferSize = 64 * 1024;
        private int maxMultipartParts = MultipartForm.DEFAULT_MAX_PARTS;
        private int maxMultipartPartHeaderSize = MultipartForm.DEFAULT_MAX_PART_HEADER_SIZE;
        private MultipartLimits multipartLimits = MultipartLimits.defaults();
        private int maxConnections = 256 * 1024;
        private int maxConnectionsPerIp;
        private long maxRequestsPerConnection;
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private boolean keepAlive = true;
        private boolean noDefaultServerHeader;
        private boolean noDefaultDate;
        private boolean noDefaultContentType;
        private boolean normalizePath = true;
        private int eventLoops = Runtime.getRuntime().availableProcessors();
        private int backlog = 1024;
        private Duration stallWarningThreshold = Duration.ofSeconds(1);
        private ErrorHandler errorHandler = ErrorHandler.DEFAULT;
        private ContinueHandler continueHandler = ContinueHandler.ACCEPT_ALL;
        private ConnectionStateListener connectionStateListener;
        private ResponseObserver responseObserver;
        private TrustedProxies trustedProxies = TrustedProxies.NONE;
        private System.Logger logger = System.getLogger("dev.fasthttp.Server");

        /** The handler every request goes to. Required. */
        public B handler(RequestHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return self();
        }

        /** The address {@link Server#start()} binds. Default: all interfaces. */
        public B host(String host) {
            this.host = host;
            return self();
        }

        /** The port {@link Server#start()} binds; 0 picks a free one (see {@link Server#port()}). Default 8080. */
        public B port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return self();
        }

        /** The {@code Server} header value. Default "fasthttp". */
        public B name(String name) {
            HeaderBlock.checkValue(name);
            this.name = name;
            return self();
        }

        /**
         * Size of the buffer a connection reads into. Default 4 KiB. Buffers are pooled per loop and
         * held only while a connection has unprocessed bytes; a request head larger than this grows
         * the buffer (up to {@link #maxRequestHeaderSize}), which allocates. Larger values cost memory
         * under many concurrent slow requests.
         */
        public B readBufferSize(int bytes) {
            this.readBufferSize = positive(bytes, "readBufferSize");
            return self();
        }

        /**
         * Size of each loop's output buffer. Default 4 KiB. Pipelined responses are gathered here
         * and written with one system call; a response body larger than this is written from its
         * own buffer instead of being copied.
         */
        public B writeBufferSize(int bytes) {
            this.writeBufferSize = positive(bytes, "writeBufferSize");
            return self();
        }

        /**
         * The largest request head (request line and headers) accepted. Default 16 KiB; beyond it
         * the client gets 431 (or 414 while still in the request line) and the connection closes.
         */
        public B maxRequestHeaderSize(int bytes) {
            this.maxRequestHeaderSize = positive(bytes, "maxRequestHeaderSize");
            return self();
        }

        /** The longest request target accepted. Default 8 KiB; beyond it the client gets 414. */
        public B maxRequestUriLength(int bytes) {
            this.maxRequestUriLength = positive(bytes, "maxRequestUriLength");
            return self();
        }

        /**
         * The largest request body accepted, decoded. Default 4 MiB; beyond it the client gets 413.
         * Bodies are held in memory whole, so this bounds the memory one request can take.
         */
        public B maxRequestBodySize(long bytes) {
            if (bytes < 0 || bytes > Integer.MAX_VALUE - 64 * 1024) {
                throw new IllegalArgumentException("maxRequestBodySize out of range: " + bytes);
            }
            this.maxRequestBodySize = bytes;
            return self();
        }

        /**
         * Which requests' bodies their handlers read as they arrive, with
         * {@link RequestCtx#requestBodyStream()}: see {@link RequestBodyStreaming}. Default: the
         * handler's own policy if it is a {@link dev.fasthttp.routing.Router} (its streaming
         * routes), else none.
         */
        public B requestBodyStreaming(RequestBodyStreaming policy) {
            this.requestBodyStreaming = Objects.requireNonNull(policy, "policy");
            return self();
        }

        /**
         * The largest streamed request body accepted. Default 1 GiB; beyond it the client gets 413
         * (before the handler runs when Content-Length says so; from the stream, with the
         * connection closed after the response, when a chunked body grows past it).
         * {@link Long#MAX_VALUE} lifts it: memory stays one buffer whatever the size.
         */
        public B maxStreamedRequestBodySize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxStreamedRequestBodySize must be >= 0: " + bytes);
            }
            this.maxStreamedRequestBodySize = bytes;
            return self();
        }

        /**
         * Room for a streamed request body after its head, in the connection's read buffer: what
         * one read from the socket takes at most, and all the memory a streamed request holds.
         * Default 64 KiB; at least the head limit plus 8 KiB, so that chunk framing and trailers
         * always fit.
         */
        public B requestBodyStreamBufferSize(int bytes) {
            this.requestBodyStreamBufferSize = positive(bytes, "requestBodyStreamBufferSize");
            return self();
        }

        /**
         * The most parts a multipart/form-data body may have ({@link RequestCtx#multipartForm()}).
         * Default 1,000; a form with more is refused with 413. Each part costs a header parse and
         * a few ints, so this bounds the work a body of many tiny parts can make.
         */
        public B maxMultipartParts(int parts) {
            this.maxMultipartParts = positive(parts, "maxMultipartParts");
            return self();
        }

        /**
         * The largest header section of one part of a multipart/form-data body. Default 16 KiB;
         * beyond it the form is refused with 400, not 431: 431 tells a client to trim its request
         * headers, and these lie inside the body.
         */
        public B maxMultipartPartHeaderSize(int bytes) {
            this.maxMultipartPartHeaderSize = positive(bytes, "maxMultipartPartHeaderSize");
            return self();
        }

        /**
         * Limits of multipart bodies read as streams ({@link MultipartStream},
         * {@link SpooledMultipartForm}): file and total sizes, the memory threshold above which
         * files go to disk, and where; each with its default and cost: see {@link MultipartLimits}.
         * Its part count and part header size are {@link #maxMultipartParts} and
         * {@link #maxMultipartPartHeaderSize}, which bound buffered forms too.
         */
        public B multipartLimits(MultipartLimits limits) {
            this.multipartLimits = Objects.requireNonNull(limits, "multipartLimits");
            return self();
        }

        /**
         * The most connections open at once. Default 262,144. A connection beyond it is answered
         * 503 and closed at once.
         */
        public B maxConnections(int connections) {
            this.maxConnections = positive(connections, "maxConnections");
            return self();
        }

        /**
         * The most connections open at once from one client IP; 0, the default, means no limit. A
         * connection beyond it is answered 429 and closed. Costs a map update per connection.
         */
        public B maxConnectionsPerIp(int connections) {
            this.maxConnectionsPerIp = nonNegative(connections, "maxConnectionsPerIp");
            return self();
        }

        /**
         * Requests served on one connection before it is closed (the last response carries
         * {@code Connection: close}); 0, the default, means no limit. A limit spreads long-lived
         * clients over servers behind a load balancer.
         */
        public B maxRequestsPerConnection(long requests) {
            if (requests < 0) {
                throw new IllegalArgumentException("maxRequestsPerConnection must be >= 0");
            }
            this.maxRequestsPerConnection = requests;
            return self();
        }

        /**
         * Time allowed to receive a whole request, head and body, from its first byte. Default 30 s.
         * On expiry the client gets 408 and the connection closes. Shorter values shed slow
         * clients (slowloris) sooner; too short cuts off slow uploads.
         */
        public B readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return self();
        }

        /**
         * Time a response may go without write progress, the client not reading. Default 30 s;
         * on expiry the connection closes.
         */
        public B writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return self();
        }

        /**
         * Time a keep-alive connection may wait for its next request. Default 60 s; on expiry it
         * closes quietly. Idle connections hold no buffers, only their socket.
         */
        public B idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return self();
        }

        /** Whether connections are kept open between requests. Default true; false closes after every response. */
        public B keepAlive(boolean keepAlive) {
            this.keepAlive = keepAlive;
            return self();
        }

        /** Leaves out the {@code Server} header unless a handler sets one. Default false. */
        public B noDefaultServerHeader(boolean value) {
            this.noDefaultServerHeader = value;
            return self();
        }

        /** Leaves out the {@code Date} header unless a handler sets one. Default false. */
        public B noDefaultDate(boolean value) {
            this.noDefaultDate = value;
            return self();
        }

        /**
         * Leaves out {@code Content-Type} when the handler sets none, instead of sending
         * {@code text/plain; charset=utf-8}. Default false.
         */
        public B noDefaultContentType(boolean value) {
            this.noDefaultContentType = value;
            return self();
        }

        /**
         * Whether {@link RequestCtx#path()} is percent-decoded and cleaned of dot segments and
         * repeated slashes. Default true. Turning it off hands handlers the raw path, which is
         * then theirs to check before using it to find files.
         */
        public B normalizePath(boolean value) {
            this.normalizePath = value;
            return self();
        }

        /** Number of event loops. Default: available processors. Each is a platform thread with its own selector. */
        public B eventLoops(int loops) {
            this.eventLoops = positive(loops, "eventLoops");
            return self();
        }

        /** Length of the kernel's queue of connections not yet accepted. Default 1024. */
        public B backlog(int backlog) {
            this.backlog = positive(backlog, "backlog");
            return self();
        }

        /**
         * How long a handler may hold its event loop before a warning is logged naming it. Default
         * 1 s. Such a handler delays every other connection of its loop; it should be blocking.
         */
        public B stallWarningThreshold(Duration threshold) {
            this.stallWarningThreshold = positive(threshold, "stallWarningThreshold");
            return self();
        }

        /** Writes responses for refused requests and failed handlers. Default: status and reason as text. */
        public B errorHandler(ErrorHandler errorHandler) {
            this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
            return self();
        }

        /** Decides on {@code Expect: 100-continue} requests. Default: accept all. */
        public B continueHandler(ContinueHandler continueHandler) {
            this.continueHandler = Objects.requireNonNull(continueHandler, "continueHandler");
            return self();
        }

        /** Told about every connection state change. Default: none. Costs a call per change. */
        public B connectionStateListener(ConnectionStateListener listener) {
            this.connectionStateListener = listener;
            return self();
        }

        /**
         * Told about every response, with its duration: for request metrics. Default: none. Costs
         * a clock read per request and the observer's own work, on the event loop.
         */
        public B responseObserver(ResponseObserver observer) {
            this.responseObserver = observer;
            return self();
        }

        /**
         * The proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers are believed: for
         * their requests {@link RequestCtx#remoteAddr()}, {@link RequestCtx#isTLS()} and
         * {@link RequestCtx#host()} report the client behind them. Default: none (the headers are
         * ignored, since any client can send them). Costs nothing until a handler asks; then a
         * parse of the headers, once per request. See {@link TrustedProxies#internal()}.
         */
        public B trustedProxies(TrustedProxies proxies) {
            this.trustedProxies = Objects.requireNonNull(proxies, "proxies");
            return self();
        }

        /** Where the server logs. Default: {@code System.getLogger("dev.fasthttp.Server")}. */
        public B logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return self();
        }

        abstract B self();

        /** The settings as they stand; fails if a required one is missing. */
        ServerSettings settings() {
            if (handler == null) {
                throw new IllegalStateException("a handler is required");
            }
            InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
            return new ServerSettings(handler, address, name, readBufferSize, writeBufferSize,
                    maxRequestHeaderSize, Math.min(maxRequestUriLength, maxRequestHeaderSize), maxRequestBodySize,
                    requestBodyStreaming != null ? requestBodyStreaming
                            : handler instanceof RequestBodyStreaming s ? s : RequestBodyStreaming.NEVER,
                    maxStreamedRequestBodySize, Math.max(requestBodyStreamBufferSize, maxRequestHeaderSize + 8 * 1024),
                    maxMultipartParts, maxMultipartPartHeaderSize, multipartLimits, maxConnections, maxConnectionsPerIp,
                    maxRequestsPerConnection, readTimeout, writeTimeout, idleTimeout, keepAlive, noDefaultServerHeader,
                    noDefaultDate, noDefaultContentType, normalizePath, eventLoops, backlog, stallWarningThreshold,
                    errorHandler, continueHandler, connectionStateListener, responseObserver, trustedProxies, logger);
        }
    }
}
