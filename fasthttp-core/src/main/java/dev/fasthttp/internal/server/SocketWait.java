package dev.fasthttp.internal.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * Lets a thread other than the socket's event loop (a virtual thread streaming a body) wait until
 * the socket is readable or writable, within a timeout. The socket stays registered with its loop
 * (with no interest, so the loop leaves it alone) and non-blocking; the waiting thread uses a
 * selector of its own, opened at the first wait and closed with this.
 */
public final class SocketWait implements AutoCloseable {

    /** The selector has one key, the socket's: that it is ready is all a wait needs to know. */
    private static final Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final SocketChannel socket;
    private final int op;
    private Selector selector;

    /** @param op {@link SelectionKey#OP_READ} or {@link SelectionKey#OP_WRITE} */
    public SocketWait(SocketChannel socket, int op) {
        this.socket = socket;
        this.op = op;
    }

    /**
     * Waits until the socket is ready, for at most {@code timeoutMillis}.
     *
     * @return false if the time passed first
     * @throws InterruptedIOException if the thread was interrupted
     */
    public boolean await(long timeoutMillis) throws IOException {
        if (selector == null) {
            selector = Selector.open();
            socket.register(selector, op);
        }
        // The consumer form keeps no selected-key set: nothing is allocated for the key each wait.
        if (selector.select(IGNORE_KEY, timeoutMillis) > 0) {
            return true;
        }
        if (Thread.interrupted()) {
            throw new InterruptedIOException("interrupted while waiting for the socket");
        }
        return false;
    }

    @Override
    public void close() {
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
            selector = null;
        }
    }
}
