package dev.fasthttp;

import dev.fasthttp.bytes.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** One pooled TCP connection of a {@link HostClient}, with the buffer requests are encoded into. */
final class ClientConnection {

    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final ByteBuf requestBuffer = new ByteBuf(4096);
    final long openedNanos;
    long lastUsedNanos;
    long requests;
    /**
     * While a request is written or its response read: when that must be done ({@link
     * System#nanoTime()}), 0 otherwise. The watchdog closes the socket once it passes, which ends
     * the blocked call. Socket timeouts are not used: they put the socket in non-blocking mode,
     * turning each read into a failed read, a poll and a read.
     */
    volatile long deadlineNanos;

    ClientConnection(Socket socket, long now) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.openedNanos = now;
        this.lastUsedNanos = now;
    }

    /** Whether the deadline of the write or read under way has passed. */
    boolean pastDeadline() {
        long deadline = deadlineNanos;
        return deadline != 0 && System.nanoTime() - deadline > 0;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
