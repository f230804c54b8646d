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
    /** While a request is being written: when it must be done; 0 otherwise. Read by the watchdog. */
    volatile long writeDeadlineNanos;
    private int readTimeoutMillis = -1;

    ClientConnection(Socket socket, long now) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.openedNanos = now;
        this.lastUsedNanos = now;
    }

    /** Sets the socket's read timeout, only when it changes (setting it boxes the value). */
    void readTimeout(int millis) throws IOException {
        if (millis != readTimeoutMillis) {
            socket.setSoTimeout(millis);
            readTimeoutMillis = millis;
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
