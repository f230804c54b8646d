package dev.fasthttp.benchmarks.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The floor of the typed-route comparison: the least a server on the JDK can spend per request.
 * One thread, one selector, and for every request that arrives the same fixed bytes, the typed
 * route's JSON answer; nothing is parsed but each request's end ({@code CRLF CRLF}: requests
 * without a body only), nothing routed, nothing encoded. What it spends per request is the
 * kernel's TCP work for one read and one write (fewer when requests come pipelined) plus the JDK's
 * selector: a server doing anything at all spends more.
 *
 * <pre>PORT=8081 java -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.peers.FloorServer</pre>
 *
 * The harness's readiness probe, {@code GET /plaintext} with {@code Connection: close} as a
 * connection's first request, is answered {@code Hello, World!} and the connection closed.
 */
public final class FloorServer implements AutoCloseable {

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 26\r\n\r\n"
            + "{\"id\":42,\"name\":\"user 42\"}").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HELLO = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n"
            + "Connection: close\r\n\r\nHello, World!").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROBE = "GET /plaintext ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Selector selector;
    private final ServerSocketChannel listener;
    /** Shared by every connection: the loop serves one at a time. */
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_SIZE);

    /** A connection's state between reads: how much of {@code CRLF CRLF} its last read ended with, and what the kernel did not take yet. */
    private static final class Connection {
        int matched;
        boolean started;
        ByteBuffer unsent;
    }

    /** Listens on {@code port} (0 for one the system picks); {@link #run()} serves. */
    FloorServer(int port) throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(port), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] args) throws IOException {
        try (FloorServer server = new FloorServer(Integer.parseInt(System.getenv().getOrDefault("PORT", "8081")))) {
            System.out.println("floor server listening on " + server.port());
            server.run();
        }
    }

    int port() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    /** Serves until {@link #close()}. */
    void run() throws IOException {
        try {
            while (true) {
                selector.select();
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    serve(key);
                }
            }
        } catch (ClosedSelectorException closed) {
            // close() was called: done.
        }
    }

    private void serve(SelectionKey key) throws IOException {
        try {
            if (key.isAcceptable()) {
                accept();
            } else if (key.isWritable()) {
                flushUnsent(key);
            } else if (key.isReadable()) {
                read(key);
            }
        } catch (IOException e) {
            key.channel().close();
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
        listener.close();
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new Connection());
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        in.clear();
        int n = channel.read(in);
        if (n < 0) {
            channel.close();
            return;
        }
        if (!connection.started) {
            connection.started = true;
            if (startsWith(in, n, PROBE)) {
                channel.write(ByteBuffer.wrap(HELLO));
                channel.close();
                return;
            }
        }
        int requests = 0;
        int matched = connection.matched;
        for (int i = 0; i < n; i++) {
            byte b = in.get(i);
            matched = b == END_OF_HEAD[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == END_OF_HEAD.length) {
                requests++;
                matched = 0;
            }
        }
        connection.matched = matched;
        answer(key, channel, requests);
    }

    private void answer(SelectionKey key, SocketChannel channel, int requests) throws IOException {
        int perWrite = out.capacity() / ANSWER.length;
        while (requests > 0) {
            out.clear();
            for (int i = Math.min(requests, perWrite); i > 0; i--, requests--) {
                out.put(ANSWER);
            }
            out.flip();
            channel.write(out);
            if (out.hasRemaining()) {
                // The kernel's send buffer is full: keep the rest of the answers and wait until it drains.
                ByteBuffer unsent = ByteBuffer.allocate(out.remaining() + requests * ANSWER.length);
                unsent.put(out);
                for (; requests > 0; requests--) {
                    unsent.put(ANSWER);
                }
                ((Connection) key.attachment()).unsent = unsent.flip();
                key.interestOps(SelectionKey.OP_WRITE);
            }
        }
    }

    private static void flushUnsent(SelectionKey key) throws IOException {
        Connection connection = (Connection) key.attachment();
        ((SocketChannel) key.channel()).write(connection.unsent);
        if (!connection.unsent.hasRemaining()) {
            connection.unsent = null;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private static boolean startsWith(ByteBuffer buffer, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.get(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
