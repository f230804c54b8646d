package dev.fasthttp;

import static dev.fasthttp.ServerSettings.nonNegative;
import static dev.fasthttp.ServerSettings.positive;

import dev.fasthttp.internal.http1.HeaderBlock;
import dev.fasthttp.internal.server.Acceptor;
import dev.fasthttp.internal.server.ConnectionLimiter;
import dev.fasthttp.internal.server.EngineState;
import dev.fasthttp.internal.server.StallWatchdog;
import dev.fasthttp.internal.transport.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP/1.1 server whose steady-state request path allocates nothing.
 *
 * <pre>{@code
 * Server server = Server.builder()
 *         .handler(ctx -> ctx.success("text/plain", "Hello, World!"))
 *         .port(8080)
 *         .build()
 *         .start();
 * ...
 * server.shutdown(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Requests are read by event loops (one platform thread and selector each, by default one per
 * core) and handed to the handler inline; see {@link RequestHandler} for handlers that block and
 * {@link RequestCtx} for the lifetime rule of everything a handler reads.
 */
public final class Server {

    private static final System.Logger.Level INFO = System.Logger.Level.INFO;

    final ServerSettings settings;
    final EngineState state;
    private final DirectWorkers directWorkers = new DirectWorkers(this);
    private final ServerStats stats;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile Counters[] allCounters = {directWorkers.counters()};
    private volatile Worker[] workers;
    private volatile Acceptor acceptor;
    private volatile StallWatchdog watchdog;
    private volatile InetSocketAddress localAddress;

    private Server(ServerSettings settings) {
        this.settings = settings;
        this.state = new EngineState(new ConnectionLimiter(settings.maxConnections(), settings.maxConnectionsPerIp()));
        this.stats = new ServerStats(() -> allCounters, state.limiter()::open);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds to the builder's address and port and starts serving in the background.
     *
     * @return this server, serving
     * @throws UncheckedIOException if the address cannot be bound (for example, the port is in use)
     */
    public Server start() {
        ServerSocketChannel channel;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(settings.address(), settings.backlog());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + describe(settings.address()) + ": " + e.getMessage(), e);
        }
        return start(channel);
    }

    /** Starts serving on an already bound channel, in the background. The server closes it on shutdown. */
    public synchronized Server start(ServerSocketChannel channel) {
        if (workers != null) {
            throw new IllegalStateException("already started");
        }
        try {
            channel.configureBlocking(false);
            localAddress = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Worker[] started = new Worker[settings.eventLoops()];
        for (int i = 0; i < started.length; i++) {
            started[i] = new Worker(this, new EventLoop("fasthttp-loop-" + i, settings.tickIntervalNanos()), new Counters());
        }
        workers = started;
        refreshCounters();
        acceptor = new Acceptor(channel, started, state, settings.logger());
        for (Worker w : started) {
            w.start();
        }
        started[0].loop().execute(acceptor::register);
        watchdog = new StallWatchdog(started, settings.stallWarningThreshold(), settings.logger());
        watchdog.start();
        settings.logger().log(INFO, "fasthttp listening on " + describe(localAddress) + " with "
                + started.length + " event loop(s)");
        if (!integerCacheCoversFileDescriptors()) {
            settings.logger().log(INFO, "the JDK selector boxes file descriptors to find their keys: past about 120"
                    + " connections each ready socket then allocates 16 bytes; run with -XX:AutoBoxCacheMax=65536"
                    + " to keep the request path free of garbage");
        }
        return this;
    }

    /**
     * Listens on {@code address} ({@code "host:port"} or {@code ":port"}) and serves until
     * {@link #shutdown} is called from another thread.
     */
    public void listenAndServe(String address) throws InterruptedException {
        InetSocketAddress bind = ServerSettings.parseAddress(address);
        ServerSocketChannel channel;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(bind, settings.backlog());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        serve(channel);
    }

    /** Serves on a bound channel until {@link #shutdown} is called from another thread. */
    public void serve(ServerSocketChannel channel) throws InterruptedException {
        start(channel);
        awaitShutdown();
    }

    /**
     * Serves one connection on the calling thread until the peer closes it or a response asks to
     * close; the channel must be in blocking mode. For transports other than TCP sockets (tests,
     * in-memory pipes, tunnels). Read, write and idle timeouts are the channel's business here.
     */
    public void serveConnection(ByteChannel channel) throws IOException {
        directWorkers.serve(channel);
    }

    /** Blocks until the server has shut down. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops gracefully: stops accepting, closes idle keep-alive connections, lets requests in
     * flight finish (their responses carry {@code Connection: close}), and after
     * {@code drainTimeout} closes whatever is still open.
     *
     * @return whether the drain completed, and how many connections were cut
     */
    public ShutdownResult shutdown(Duration drainTimeout) {
        long begin = System.nanoTime();
        Worker[] started = workers;
        if (started == null || state.draining()) {
            return new ShutdownResult(true, 0, Duration.ZERO);
        }
        state.beginDraining();
        started[0].loop().execute(acceptor::close);
        for (Worker w : started) {
            w.loop().execute(w::beginDrain);
        }
        boolean drained = state.awaitConnectionsClosed(begin + drainTimeout.toNanos());
        int cut = drained ? 0 : state.limiter().open();
        // What is left: requests cut by the timeout, and refused connections still lingering.
        CountDownLatch closedAll = new CountDownLatch(started.length);
        for (Worker w : started) {
            w.loop().execute(() -> {
                w.closeAll();
                closedAll.countDown();
            });
        }
        awaitQuietly(closedAll);
        for (Worker w : started) {
            w.loop().stop();
        }
        for (Worker w : started) {
            try {
                w.loop().awaitTermination(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        watchdog.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        if (drained) {
            settings.logger().log(INFO, "fasthttp stopped: all connections drained in " + took.toMillis() + " ms");
        } else {
            settings.logger().log(System.Logger.Level.WARNING, "fasthttp stopped: drain timeout of "
                    + drainTimeout.toMillis() + " ms ran out; cut " + cut + " connection(s) with requests in flight");
        }
        stopped.countDown();
        return new ShutdownResult(drained, cut, took);
    }

    /** The port bound, once started; useful with port 0. */
    public int port() {
        InetSocketAddress a = localAddress;
        if (a == null) {
            throw new IllegalStateException("not started");
        }
        return a.getPort();
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    public ServerStats stats() {
        return stats;
    }

    /** The settings this server was built with. */
    public ServerSettings settings() {
        return settings;
    }

    public boolean isRunning() {
        return workers != null && stopped.getCount() > 0;
    }

    /** Whether new connections are taken: running and not draining for a shutdown. For health checks. */
    public boolean isAccepting() {
        return isRunning() && !state.draining();
    }

    /** How many of the event loops' threads are alive: all of them while the server runs, unless one died. For health checks. */
    public int eventLoopsAlive() {
        Worker[] current = workers;
        int alive = 0;
        if (current != null) {
            for (Worker worker : current) {
                alive += worker.loopThread().isAlive() ? 1 : 0;
            }
        }
        return alive;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rebuilds the array stats read once the loops' workers exist. */
    private void refreshCounters() {
        List<Counters> all = new ArrayList<>();
        for (Worker w : workers) {
            all.add(w.counters());
        }
        all.add(directWorkers.counters());
        allCounters = all.toArray(new Counters[0]);
    }

    /**
     * Whether {@code Integer.valueOf} is cached up to 65535. The JDK's epoll selector looks keys up
     * by a boxed file descriptor, so beyond the cache (127 by default) every ready socket allocates.
     */
    @SuppressWarnings("removal")
    static boolean integerCacheCoversFileDescriptors() {
        return Integer.valueOf(65_535) == Integer.valueOf(65_535);
    }

    private static String describe(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }

    /**
     * ServerSettings of a {@link Server}. Every setting has a default that suits a service handling many
     * small requests; each says what changing it costs.
     */
    public static final class Builder {

        private RequestHandler handler;
        private String host;
        private int port = 8080;
        private String name = "fasthttp";
        private int readBufferSize = 4096;
        private int writeBufferSize = 4096;
        private int maxRequestHeaderSize = 16 * 1024;
        private int maxRequestUriLength = 8 * 1024;
        private long maxRequestBodySize = 4 * 1024 * 1024;
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

        private Builder() {
        }

        /** The handler every request goes to. Required. */
        public Builder handler(RequestHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The address {@link Server#start()} binds. Default: all interfaces. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port {@link Server#start()} binds; 0 picks a free one (see {@link Server#port()}). Default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The {@code Server} header value. Default "fasthttp". */
        public Builder name(String name) {
            HeaderBlock.checkValue(name);
            this.name = name;
            return this;
        }

        /**
         * Size of the buffer a connection reads into. Default 4 KiB. Buffers are pooled per loop and
         * held only while a connection has unprocessed bytes; a request head larger than this grows
         * the buffer (up to {@link #maxRequestHeaderSize}), which allocates. Larger values cost memory
         * under many concurrent slow requests.
         */
        public Builder readBufferSize(int bytes) {
            this.readBufferSize = positive(bytes, "readBufferSize");
            return this;
        }

        /**
         * Size of each loop's output buffer. Default 4 KiB. Pipelined responses are gathered here
         * and written with one system call; a response body larger than this is written from its
         * own buffer instead of being copied.
         */
        public Builder writeBufferSize(int bytes) {
            this.writeBufferSize = positive(bytes, "writeBufferSize");
            return this;
        }

        /**
         * The largest request head (request line and headers) accepted. Default 16 KiB; beyond it
         * the client gets 431 (or 414 while still in the request line) and the connection closes.
         */
        public Builder maxRequestHeaderSize(int bytes) {
            this.maxRequestHeaderSize = positive(bytes, "maxRequestHeaderSize");
            return this;
        }

        /** The longest request target accepted. Default 8 KiB; beyond it the client gets 414. */
        public Builder maxRequestUriLength(int bytes) {
            this.maxRequestUriLength = positive(bytes, "maxRequestUriLength");
            return this;
        }

        /**
         * The largest request body accepted, decoded. Default 4 MiB; beyond it the client gets 413.
         * Bodies are held in memory whole, so this bounds the memory one request can take.
         */
        public Builder maxRequestBodySize(long bytes) {
            if (bytes < 0 || bytes > Integer.MAX_VALUE - 64 * 1024) {
                throw new IllegalArgumentException("maxRequestBodySize out of range: " + bytes);
            }
            this.maxRequestBodySize = bytes;
            return this;
        }

        /**
         * The most parts a multipart/form-data body may have ({@link RequestCtx#multipartForm()}).
         * Default 1,000; a form with more is refused with 413. Each part costs a header parse and
         * a few ints, so this bounds the work a body of many tiny parts can make.
         */
        public Builder maxMultipartParts(int parts) {
            this.maxMultipartParts = positive(parts, "maxMultipartParts");
            return this;
        }

        /**
         * The largest header section of one part of a multipart/form-data body. Default 16 KiB;
         * beyond it the form is refused with 400, not 431: 431 tells a client to trim its request
         * headers, and these lie inside the body.
         */
        public Builder maxMultipartPartHeaderSize(int bytes) {
            this.maxMultipartPartHeaderSize = positive(bytes, "maxMultipartPartHeaderSize");
            return this;
        }

        /** Limits of multipart bodies read as streams, each with its default and cost: see {@link MultipartLimits}. */
        public Builder multipartLimits(MultipartLimits limits) {
            this.multipartLimits = Objects.requireNonNull(limits, "multipartLimits");
            return this;
        }

        /**
         * The most connections open at once. Default 262,144. A connection beyond it is answered
         * 503 and closed at once.
         */
        public Builder maxConnections(int connections) {
            this.maxConnections = positive(connections, "maxConnections");
            return this;
        }

        /**
         * The most connections open at once from one client IP; 0, the default, means no limit. A
         * connection beyond it is answered 429 and closed. Costs a map update per connection.
         */
        public Builder maxConnectionsPerIp(int connections) {
            this.maxConnectionsPerIp = nonNegative(connections, "maxConnectionsPerIp");
            return this;
        }

        /**
         * Requests served on one connection before it is closed (the last response carries
         * {@code Connection: close}); 0, the default, means no limit. A limit spreads long-lived
         * clients over servers behind a load balancer.
         */
        public Builder maxRequestsPerConnection(long requests) {
            if (requests < 0) {
                throw new IllegalArgumentException("maxRequestsPerConnection must be >= 0");
            }
            this.maxRequestsPerConnection = requests;
            return this;
        }

        /**
         * Time allowed to receive a whole request, head and body, from its first byte. Default 30 s.
         * On expiry the client gets 408 and the connection closes. Shorter values shed slow
         * clients (slowloris) sooner; too short cuts off slow uploads.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Time a response may go without write progress, the client not reading. Default 30 s;
         * on expiry the connection closes.
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return this;
        }

        /**
         * Time a keep-alive connection may wait for its next request. Default 60 s; on expiry it
         * closes quietly. Idle connections hold no buffers, only their socket.
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** Whether connections are kept open between requests. Default true; false closes after every response. */
        public Builder keepAlive(boolean keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /** Leaves out the {@code Server} header unless a handler sets one. Default false. */
        public Builder noDefaultServerHeader(boolean value) {
            this.noDefaultServerHeader = value;
            return this;
        }

        /** Leaves out the {@code Date} header unless a handler sets one. Default false. */
        public Builder noDefaultDate(boolean value) {
            this.noDefaultDate = value;
            return this;
        }

        /**
         * Leaves out {@code Content-Type} when the handler sets none, instead of sending
         * {@code text/plain; charset=utf-8}. Default false.
         */
        public Builder noDefaultContentType(boolean value) {
            this.noDefaultContentType = value;
            return this;
        }

        /**
         * Whether {@link RequestCtx#path()} is percent-decoded and cleaned of dot segments and
         * repeated slashes. Default true. Turning it off hands handlers the raw path, which is
         * then theirs to check before using it to find files.
         */
        public Builder normalizePath(boolean value) {
            this.normalizePath = value;
            return this;
        }

        /** Number of event loops. Default: available processors. Each is a platform thread with its own selector. */
        public Builder eventLoops(int loops) {
            this.eventLoops = positive(loops, "eventLoops");
            return this;
        }

        /** Length of the kernel's queue of connections not yet accepted. Default 1024. */
        public Builder backlog(int backlog) {
            this.backlog = positive(backlog, "backlog");
            return this;
        }

        /**
         * How long a handler may hold its event loop before a warning is logged naming it. Default
         * 1 s. Such a handler delays every other connection of its loop; it should be blocking.
         */
        public Builder stallWarningThreshold(Duration threshold) {
            this.stallWarningThreshold = positive(threshold, "stallWarningThreshold");
            return this;
        }

        /** Writes responses for refused requests and failed handlers. Default: status and reason as text. */
        public Builder errorHandler(ErrorHandler errorHandler) {
            this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
            return this;
        }

        /** Decides on {@code Expect: 100-continue} requests. Default: accept all. */
        public Builder continueHandler(ContinueHandler continueHandler) {
            this.continueHandler = Objects.requireNonNull(continueHandler, "continueHandler");
            return this;
        }

        /** Told about every connection state change. Default: none. Costs a call per change. */
        public Builder connectionStateListener(ConnectionStateListener listener) {
            this.connectionStateListener = listener;
            return this;
        }

        /**
         * Told about every response, with its duration: for request metrics. Default: none. Costs
         * a clock read per request and the observer's own work, on the event loop.
         */
        public Builder responseObserver(ResponseObserver observer) {
            this.responseObserver = observer;
            return this;
        }

        /**
         * The proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers are believed: for
         * their requests {@link RequestCtx#remoteAddr()}, {@link RequestCtx#isTLS()} and
         * {@link RequestCtx#host()} report the client behind them. Default: none (the headers are
         * ignored, since any client can send them). Costs nothing until a handler asks; then a
         * parse of the headers, once per request. See {@link TrustedProxies#internal()}.
         */
        public Builder trustedProxies(TrustedProxies proxies) {
            this.trustedProxies = Objects.requireNonNull(proxies, "proxies");
            return this;
        }

        /** Where the server logs. Default: {@code System.getLogger("dev.fasthttp.Server")}. */
        public Builder logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        public Server build() {
            if (handler == null) {
                throw new IllegalStateException("a handler is required");
            }
            InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
            return new Server(new ServerSettings(handler, address, name, readBufferSize, writeBufferSize,
                    maxRequestHeaderSize, Math.min(maxRequestUriLength, maxRequestHeaderSize), maxRequestBodySize,
                    maxMultipartParts, maxMultipartPartHeaderSize, multipartLimits, maxConnections, maxConnectionsPerIp,
                    maxRequestsPerConnection, readTimeout, writeTimeout, idleTimeout, keepAlive, noDefaultServerHeader,
                    noDefaultDate, noDefaultContentType, normalizePath, eventLoops, backlog, stallWarningThreshold,
                    errorHandler, continueHandler, connectionStateListener, responseObserver, trustedProxies, logger));
        }
    }
}
