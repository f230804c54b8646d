package dev.fasthttp;

import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.DateHeader;
import dev.fasthttp.internal.http1.RequestParser;
import dev.fasthttp.internal.server.Acceptor;
import dev.fasthttp.internal.server.StallWatchdog;
import dev.fasthttp.internal.transport.BufferPool;
import dev.fasthttp.internal.transport.EventLoop;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;

/**
 * What the connections of one event loop share: the loop, the pools that make the request path
 * allocation-free (read buffers, request contexts, connections), the output buffer responses are
 * gathered in, the Date header, the counters, and the list of live connections that the loop's
 * tick checks for expired deadlines.
 *
 * <p>A worker without a loop serves connections on callers' threads
 * ({@link Server#serveConnection}), lent to one connection at a time by {@link DirectWorkers}.
 */
final class Worker implements Acceptor.Loop, StallWatchdog.Watched {

    private static final int MAX_POOLED_BUFFERS = 1024;
    /** Streamed request bodies' buffers kept per loop: 16 of 64 KiB and a head by default, about 1.3 MiB. */
    private static final int MAX_POOLED_STREAM_BUFFERS = 16;
    private static final int MAX_POOLED_CONTEXTS = 1024;
    private static final int MAX_POOLED_CONNECTIONS = 1024;
    private static final ThreadFactory VIRTUAL_THREADS = Thread.ofVirtual().name("fasthttp-blocking-", 0).factory();

    private static final VarHandle HANDLER_SINCE;
    private static final VarHandle HANDLER_RUNS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HANDLER_SINCE = lookup.findVarHandle(Worker.class, "handlerSince", long.class);
            HANDLER_RUNS = lookup.findVarHandle(Worker.class, "handlerRuns", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Server server;
    final ServerSettings settings;
    private final EventLoop loop;
    private final Counters counters;
    final BufferPool readBuffers;
    final RequestParser parser;
    final DateHeader date = new DateHeader();
    final byte[] serverHeaderLine;
    final ByteBuf out;
    private ByteBuffer outNio;
    private final long readTimeoutNanos;
    private final long writeTimeoutNanos;
    private final long idleTimeoutNanos;
    final ByteBuffer[] gather = new ByteBuffer[2];
    private final ArrayDeque<RequestCtx> contexts = new ArrayDeque<>();
    private final ArrayDeque<ServerConnection> connections = new ArrayDeque<>();

    /** Live connections of this loop, linked through the connections themselves. */
    private ServerConnection first;

    // Stall tracking, read by the StallWatchdog thread: written with opaque stores (plain cost).
    @SuppressWarnings("unused") private long handlerSince;
    @SuppressWarnings("unused") private long handlerRuns;
    // Racy reads by the watchdog: they only name the stall.
    private RequestHandler runningHandler;
    private RequestCtx runningCtx;

    Worker(Server server, EventLoop loop, Counters counters) {
        this.server = server;
        this.counters = counters;
        this.settings = server.settings;
        this.loop = loop;
        this.readBuffers = new BufferPool(settings.readBufferSize(), MAX_POOLED_BUFFERS,
                RequestReader.streamBufferSize(settings), MAX_POOLED_STREAM_BUFFERS);
        this.parser = new RequestParser(settings.maxRequestUriLength());
        this.serverHeaderLine = settings.serverHeaderLine();
        this.out = new ByteBuf(settings.writeBufferSize());
        this.readTimeoutNanos = settings.readTimeout().toNanos();
        this.writeTimeoutNanos = settings.writeTimeout().toNanos();
        this.idleTimeoutNanos = settings.idleTimeout().toNanos();
    }

    long timeoutNanos(TimeoutKind kind) {
        return switch (kind) {
            case READ -> readTimeoutNanos;
            case WRITE -> writeTimeoutNanos;
            case IDLE -> idleTimeoutNanos;
            case HANDLER -> throw new IllegalArgumentException("a handler's timeout is its own: TimeoutHandler");
        };
    }

    void start() {
        loop.setTick(this);
        loop.start();
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    Counters counters() {
        return counters;
    }

    long nowNanos() {
        return loop != null ? loop.nowNanos() : System.nanoTime();
    }

    long nowMillis() {
        return loop != null ? loop.nowMillis() : System.currentTimeMillis();
    }

    /** The output buffer as a ByteBuffer ready to write (position 0, limit at the end of the data). */
    ByteBuffer outNio() {
        if (outNio == null || outNio.array() != out.array()) {
            outNio = ByteBuffer.wrap(out.array());
        }
        outNio.limit(out.size()).position(0);
        return outNio;
    }

    RequestCtx acquireContext() {
        RequestCtx ctx = contexts.pollFirst();
        return ctx != null ? ctx : new RequestCtx(settings.trustedProxies(), settings.multipartLimits());
    }

    void releaseContext(RequestCtx ctx) {
        ctx.release();
        if (contexts.size() < MAX_POOLED_CONTEXTS) {
            contexts.addFirst(ctx);
        }
    }

    Thread startVirtualThread(Runnable task) {
        Thread t = VIRTUAL_THREADS.newThread(task);
        t.start();
        return t;
    }

    // ---- connections -------------------------------------------------------------------------

    @Override
    public void countAccepted() {
        counters.increment(Counters.CONNECTIONS_ACCEPTED);
    }

    @Override
    public void countRejected() {
        counters.increment(Counters.CONNECTIONS_REJECTED);
    }

    /** Registers an accepted, admitted connection with this loop. Loop thread only. */
    @Override
    public void open(SocketChannel channel, InetSocketAddress remote, long id) {
        ServerConnection c = register(channel, remote, id, true, SelectionKey.OP_READ);
        if (c != null) {
            c.opened();
            if (server.state.draining()) {
                c.drain(); // accepted just before the shutdown began
            }
        }
    }

    /**
     * Answers a connection refused by a connection limit with {@code response}, then closes it once
     * the client has read it. Loop thread only.
     */
    @Override
    public void openRejected(SocketChannel channel, InetSocketAddress remote, long id, byte[] response) {
        ServerConnection c = register(channel, remote, id, false, 0);
        if (c != null) {
            c.rejectAndClose(response);
        }
    }

    /** A pooled connection for {@code channel}, registered with the selector and linked; null if that failed. */
    private ServerConnection register(SocketChannel channel, InetSocketAddress remote, long id, boolean admitted, int ops) {
        ServerConnection c = newConnection();
        c.open(channel, channel, remote, id, admitted);
        try {
            c.register(channel.register(loop.selector(), ops, c));
        } catch (IOException e) {
            c.close();
            return null;
        }
        link(c);
        return c;
    }

    /**
     * Serves {@code channel} on the calling thread until it closes, starting with this worker,
     * borrowed from {@code lender}; the connection gives it back and borrows again as it goes.
     */
    void serveDirect(ByteChannel channel, DirectWorkers lender) throws IOException {
        ServerConnection c = newConnection();
        InetSocketAddress remote = channel instanceof SocketChannel s ? (InetSocketAddress) s.getRemoteAddress() : null;
        c.open(channel, channel instanceof SocketChannel s ? s : null, remote, server.state.nextConnectionId(), false);
        c.opened();
        c.serveBlocking(lender);
    }

    private ServerConnection newConnection() {
        ServerConnection c = connections.pollFirst();
        return c != null ? c : new ServerConnection(this);
    }

    /** Called by a connection once closed. */
    void closed(ServerConnection c, boolean admitted, InetSocketAddress remote) {
        unlink(c);
        if (admitted) {
            server.state.connectionClosed(remote == null ? null : remote.getAddress());
        }
        if (connections.size() < MAX_POOLED_CONNECTIONS) {
            connections.addFirst(c);
        }
    }

    private void link(ServerConnection c) {
        c.next = first;
        c.prev = null;
        if (first != null) {
            first.prev = c;
        }
        first = c;
    }

    private void unlink(ServerConnection c) {
        if (loop == null) {
            return; // direct connections are not linked
        }
        if (c.prev != null) {
            c.prev.next = c.next;
        } else if (first == c) {
            first = c.next;
        }
        if (c.next != null) {
            c.next.prev = c.prev;
        }
        c.next = c.prev = null;
    }

    /** Checks every connection's deadline. Loop thread, about every tick interval. */
    @Override
    public void tick(long nowNanos) {
        ServerConnection c = first;
        while (c != null) {
            ServerConnection next = c.next; // c may unlink itself
            c.checkDeadline(nowNanos);
            c = next;
        }
    }

    /** Shutdown, first step: idle connections close now, busy ones after their response. */
    void beginDrain() {
        ServerConnection c = first;
        while (c != null) {
            ServerConnection next = c.next;
            c.drain();
            c = next;
        }
    }

    /** Shutdown, last step: closes every connection left. */
    void closeAll() {
        while (first != null) {
            first.close();
        }
    }

    // ---- stall tracking ----------------------------------------------------------------------

    void handlerStarted(RequestHandler handler, RequestCtx ctx) {
        if (loop != null) {
            runningHandler = handler;
            runningCtx = ctx;
            HANDLER_SINCE.setOpaque(this, loop.nowNanos() | 1); // never 0 while running
        }
    }

    void handlerFinished() {
        if (loop != null) {
            HANDLER_SINCE.setOpaque(this, 0L);
            HANDLER_RUNS.setOpaque(this, (long) HANDLER_RUNS.getOpaque(this) + 1);
        }
    }

    @Override
    public long handlerSince() {
        return (long) HANDLER_SINCE.getOpaque(this);
    }

    @Override
    public long handlerRuns() {
        return (long) HANDLER_RUNS.getOpaque(this);
    }

    @Override
    public String describeRunning() {
        RequestCtx ctx = runningCtx;
        String route = ctx == null ? null : ctx.routeTemplate();
        return route != null ? "route " + route : "handler " + runningHandler;
    }

    @Override
    public Thread loopThread() {
        return loop.thread();
    }
}
