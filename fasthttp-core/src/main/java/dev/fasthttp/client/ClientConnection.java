package dev.fasthttp.client;

import dev.fasthttp.internal.bytes.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** One pooled connection of a {@link HostClient}, with the buffer requests are encoded into. */
final class ClientConnection {

    /** What requests are written to and responses read from: the TCP socket, or a TLS one over it. */
    final Socket socket;
    /** The TCP socket underneath. */
    final Socket transport;
    final InputStream in;
    final OutputStream out;
    final ByteBuf requestBuffer = new ByteBuf(4096);
    final long openedNanos;
    long lastUsedNanos;
    long requests;
    /**
     * When the write under way, and the read under way, must be done ({@link System#nanoTime()}),
     * 0 if none: the watchdog closes the socket once one passes, which ends the blocked call.
     * Two, because a pipelined connection writes and reads at once. Socket timeouts are not used:
     * they put the socket in non-blocking mode, turning each read into a failed read, a poll and a
     * read.
     */
    volatile long writeDeadlineNanos;
    volatile long readDeadlineNanos;
    /**
     * The watchdog cut the call under way at its deadline. A response may still be read after
     * the cut began (closing the socket is not instant, and a server that sees the client leave
     * may answer at once): the call has timed out all the same.
     */
    volatile boolean cut;
    /**
     * A write of the request failed, other than at its deadline: the server may have answered
     * and closed before taking the whole body, and its answer may be there to read (see {@link
     * HostClient}). Set once; such a connection is never pooled again.
     */
    boolean writeFailed;

    ClientConnection(Socket socket, Socket transport, long now) throws IOException {
        this.socket = socket;
        this.transport = transport;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.openedNanos = now;
        this.lastUsedNanos = now;
    }

    /** Whether the deadline of a write or read under way has passed. */
    boolean pastDeadline(long now) {
        return past(writeDeadlineNanos, now) || past(readDeadlineNanos, now);
    }

    private static boolean past(long deadline, long now) {
        return deadline != 0 && now - deadline > 0;
    }

    /** Closes a connection at rest: a TLS one says so to the server first (close_notify). */
    void close() {
        closeQuietly(socket);
    }

    /**
     * Closes the TCP socket under a connection that may be in use or broken: a blocked read or
     * write fails at once. Closing a TLS socket instead could wait for the write in progress.
     */
    void abort() {
        closeQuietly(transport);
    }

    /** The watchdog: the call under way is past its deadline. */
    void cutAtDeadline() {
        cut = true;
        abort();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
