package dev.fasthttp;


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
     * Builds a {@link Server}: every setting, with its default, is in {@link ServerSettings.Builder}.
     */
    public static final class Builder extends ServerSettings.Builder<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The server with these settings, not started yet. */
        public Server build() {
            return new Server(settings());
        }
    }
}
