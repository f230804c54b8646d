package dev.fasthttp;

import dev.fasthttp.internal.server.Linger;
import dev.fasthttp.internal.transport.IoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A connection's life on its event loop, whatever it speaks: opened and registered, its events
 * dispatched, its deadlines set, and its end: a plain close, or a lingering one (output shut,
 * input read and dropped until the client closes too, {@link Linger}), and what a shutdown does to
 * it. {@link ServerConnection} speaks HTTP/1.1 on it and owns every other state and transition, as
 * Jetty's {@code HttpConnection} does on its {@code AbstractConnection}.
 *
 * <p>All of it runs on the worker's loop thread (or, for {@link Server#serveConnection}, on the
 * caller's thread with a blocking channel, {@link #key} then null).
 */
abstract class LoopConnection implements IoHandler {

    enum State { READING, WRITING, DETACHED, RECEIVING, LINGERING, CLOSED }

    /**
     * For a connection of an event loop, that loop's worker. For one served on a caller's thread,
     * the worker lent to it for the bytes it is handling, and null while it waits for more.
     */
    Worker worker;
    final Server server;
    final ServerSettings settings;
    final ConnectionIdentity identity;
    private final Linger linger = new Linger();
    final Deadline deadline = new Deadline();

    ByteChannel channel;
    SocketChannel socket;
    SelectionKey key;
    private boolean admitted;
    State state = State.CLOSED;
    /** The response being written is the connection's last. */
    boolean closeAfterWrite;
    /** The client said this request is its last (Connection: close, or HTTP/1.0 without keep-alive). */
    boolean clientClosing;

    LoopConnection(Worker worker) {
        this.worker = worker;
        this.server = worker.server;
        this.settings = worker.settings;
        this.identity = new ConnectionIdentity(server);
    }

    void open(ByteChannel channel, SocketChannel socket, InetSocketAddress remote, long id, boolean admitted) {
        this.channel = channel;
        this.socket = socket;
        identity.open(id, remote);
        this.admitted = admitted;
        this.state = State.READING;
        this.key = null;
        this.closeAfterWrite = false;
        this.clientClosing = false;
        linger.reset();
    }

    void register(SelectionKey key) {
        this.key = key;
    }

    /** Reports NEW and starts the idle clock. */
    void opened() {
        identity.notify(settings, ConnectionState.NEW);
        setDeadline(TimeoutKind.IDLE);
    }

    @Override
    public void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            onWritable();
        } else if ((ready & SelectionKey.OP_READ) != 0) {
            if (state == State.LINGERING) {
                discardLingering();
            } else {
                onReadable();
            }
        }
    }

    abstract void onReadable();

    abstract void onWritable();

    /** Whether bytes of a request are buffered, or a request has begun. */
    abstract boolean busy();

    /** A buffer to read into and discard, while lingering. */
    abstract ByteBuffer discardBuffer();

    /** The request being served, if any, is over: its ctx goes back. */
    abstract void releaseRequest();

    /** The connection is closing: gives back what serving requests borrowed. */
    abstract void released();

    /** The connection is closed: its worker takes it back. */
    abstract void returned(boolean admitted, InetSocketAddress remote);

    void setDeadline(TimeoutKind kind) {
        deadline.start(kind, worker, key != null);
    }

    /** Shutdown: an idle connection closes now; a busy one closes after its response. */
    void drain() {
        boolean idle = state == State.READING && !busy();
        if (idle || state == State.LINGERING) {
            close();
        }
    }

    /** Sends a canned response to a connection refused at accept, then lingers. */
    void rejectAndClose(byte[] response) {
        try {
            ResponseWriter.writeSome(worker, channel, ByteBuffer.wrap(response));
        } catch (IOException e) {
            close();
            return;
        }
        startLingering();
    }

    /**
     * The last response is out. A client that announced this request as its last, and sent
     * nothing after it, gets a plain close; any other may still be sending, so it gets a
     * lingering one.
     */
    void closeAfterLastResponse() {
        if (clientClosing && !busy()) {
            close();
        } else {
            startLingering();
        }
    }

    /** Closes our side for writing and reads what the client still sends until it closes too: {@link Linger}. */
    private void startLingering() {
        if (socket == null || key == null || server.state.draining()) {
            close();
            return;
        }
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            close();
            return;
        }
        state = State.LINGERING;
        releaseRequest();
        key.interestOps(SelectionKey.OP_READ);
        deadline.lingerFor(Linger.NANOS, worker);
    }

    private void discardLingering() {
        try {
            if (linger.discard(channel, discardBuffer())) {
                close();
            }
        } catch (IOException e) {
            close();
        }
    }

    /** Closes the socket and gives back everything borrowed. Idempotent. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        released(); // sees the state it closed in
        state = State.CLOSED;
        if (key != null) {
            key.cancel();
            key = null;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        deadline.clear();
        identity.notify(settings, ConnectionState.CLOSED);
        channel = null;
        socket = null;
        returned(admitted, identity.remoteAddress());
    }
}
