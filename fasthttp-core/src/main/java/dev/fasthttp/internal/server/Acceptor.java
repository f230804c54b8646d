package dev.fasthttp.internal.server;

import dev.fasthttp.internal.transport.EventLoop;
import dev.fasthttp.internal.transport.IoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Accepts connections on the first loop and deals them round-robin to all loops, after the
 * connection limits: over the global limit a client gets 503, over the per-IP limit 429, and in
 * both cases the connection is closed.
 */
public final class Acceptor implements IoHandler {

    /** What the acceptor needs of each loop it deals connections to: its worker. */
    public interface Loop extends EventLoop.Tick {

        EventLoop loop();

        /** Registers an accepted, admitted connection. Runs on this loop's thread. */
        void open(SocketChannel channel, InetSocketAddress remote, long id);

        /** Answers a connection refused by a limit with {@code response}, then closes it. Runs on this loop's thread. */
        void openRejected(SocketChannel channel, InetSocketAddress remote, long id, byte[] response);

        /** Counts one connection accepted (admitted or not) on this loop. */
        void countAccepted();

        /** Counts one connection refused by a limit on this loop. */
        void countRejected();
    }

    /** Accepts per wake-up, so a connection storm cannot starve the loop's own connections. */
    private static final int ACCEPTS_PER_WAKEUP = 64;
    /** After an accept failure (out of file descriptors...), accepting pauses this long. */
    private static final long PAUSE_NANOS = 100_000_000L;

    private static final byte[] OVER_LIMIT = cannedResponse(503, "Service Unavailable",
            "The server has reached its connection limit");
    private static final byte[] OVER_IP_LIMIT = cannedResponse(429, "Too Many Requests",
            "Too many connections from your address");

    private final ServerSocketChannel channel;
    private final Loop[] workers;
    private final Loop own;
    private final EngineState state;
    private final System.Logger logger;
    private SelectionKey key;
    private int nextWorker;
    private long pausedUntil;
    private long lastFailureLog;

    public Acceptor(ServerSocketChannel channel, Loop[] workers, EngineState state, System.Logger logger) {
        this.channel = channel;
        this.workers = workers;
        this.own = workers[0];
        this.state = state;
        this.logger = logger;
    }

    /** Starts accepting. Runs on the first loop. */
    public void register() {
        try {
            key = channel.register(own.loop().selector(), SelectionKey.OP_ACCEPT, this);
        } catch (IOException e) {
            logger.log(System.Logger.Level.ERROR, "cannot accept connections", e);
        }
        own.loop().setTick(now -> {
            own.tick(now);
            resumeIfPaused(now);
        });
    }

    /** Stops accepting and closes the listening socket. Runs on the first loop. */
    public void close() {
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void onReady(SelectionKey key) {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                pause(e);
                return;
            }
            if (accepted == null) {
                return;
            }
            own.countAccepted();
            dispatch(accepted);
        }
    }

    private void dispatch(SocketChannel accepted) {
        InetSocketAddress remote;
        try {
            accepted.configureBlocking(false);
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            remote = (InetSocketAddress) accepted.getRemoteAddress();
        } catch (IOException e) {
            closeQuietly(accepted);
            return;
        }
        long id = state.nextConnectionId();
        ConnectionLimiter.Admission admission = state.draining()
                ? ConnectionLimiter.Admission.OVER_LIMIT
                : state.limiter().admit(remote == null ? null : remote.getAddress());
        Loop target = workers[nextWorker];
        nextWorker = (nextWorker + 1) % workers.length;
        if (admission != ConnectionLimiter.Admission.ADMITTED) {
            own.countRejected();
            byte[] response = admission == ConnectionLimiter.Admission.OVER_IP_LIMIT ? OVER_IP_LIMIT : OVER_LIMIT;
            own.openRejected(accepted, remote, id, response);
            return;
        }
        if (target == own) {
            own.open(accepted, remote, id);
        } else {
            target.loop().execute(() -> target.open(accepted, remote, id));
        }
    }

    private void pause(IOException e) {
        long now = own.loop().nowNanos();
        if (now - lastFailureLog > 1_000_000_000L || lastFailureLog == 0) {
            lastFailureLog = now;
            logger.log(System.Logger.Level.WARNING,
                    "accept failed, pausing accepts for 100 ms: " + e.getMessage());
        }
        pausedUntil = now + PAUSE_NANOS;
        if (key != null && key.isValid()) {
            key.interestOps(0);
        }
    }

    private void resumeIfPaused(long now) {
        if (pausedUntil != 0 && now - pausedUntil >= 0 && key != null && key.isValid()) {
            pausedUntil = 0;
            key.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static byte[] cannedResponse(int status, String reason, String body) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }
}
