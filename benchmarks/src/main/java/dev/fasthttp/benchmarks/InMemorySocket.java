package dev.fasthttp.benchmarks;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketImpl;

/**
 * A {@link Socket} with no network behind it, for a client's dialer: reads come from one stream,
 * writes go to another. Timeouts and TCP options are accepted and ignored; nothing here blocks
 * longer than the other end makes it.
 */
final class InMemorySocket extends Socket {

    private final InputStream in;
    private final OutputStream out;
    private final Runnable onClose;
    private volatile boolean closed;

    InMemorySocket(InputStream in, OutputStream out, Runnable onClose) throws SocketException {
        super((SocketImpl) null);
        this.in = in;
        this.out = out;
        this.onClose = onClose;
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public void setSoTimeout(int timeout) {
    }

    @Override
    public void setTcpNoDelay(boolean on) {
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
