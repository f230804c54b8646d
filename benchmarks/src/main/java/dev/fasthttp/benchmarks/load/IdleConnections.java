package dev.fasthttp.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens many keep-alive connections, makes one request on each (so the server has really taken
 * them on, not just left them in its accept queue), and holds them open while the server's memory
 * is measured. One selector, no thread per connection.
 */
final class IdleConnections implements AutoCloseable {

    private static final byte[] REQUEST = "GET /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    /** Connections started at once: stays under the listen backlogs of the servers compared. */
    private static final int BATCH = 256;

    private final List<SocketChannel> channels = new ArrayList<>();
    private int answered;

    /** Connections that got their response. */
    int answered() {
        return answered;
    }

    /**
     * Opens {@code count} connections to {@code port}, each with one answered request, within
     * {@code timeoutMillis}. Connections that did not get a response by then still count as open
     * (and held) but not as answered.
     */
    static IdleConnections open(int port, int count, long timeoutMillis) throws IOException {
        IdleConnections idle = new IdleConnections();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        try (Selector selector = Selector.open()) {
            int started = 0;
            int inFlight = 0;
            while ((started < count || inFlight > 0) && System.nanoTime() < deadline) {
                while (started < count && inFlight < BATCH) {
                    SocketChannel ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    ch.connect(new InetSocketAddress("127.0.0.1", port));
                    ch.register(selector, SelectionKey.OP_CONNECT, new Progress());
                    idle.channels.add(ch);
                    started++;
                    inFlight++;
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (idle.advance(key)) {
                        inFlight--;
                    }
                }
                selector.selectedKeys().clear();
            }
        }
        return idle;
    }

    /** Tracks how much of the response arrived. */
    private static final class Progress {
        final ByteBuffer request = ByteBuffer.wrap(REQUEST);
        final ByteBuffer response = ByteBuffer.allocate(1024);
    }

    /** Moves one connection along: connected, request sent, response read. True once it is done or failed. */
    private boolean advance(SelectionKey key) {
        SocketChannel ch = (SocketChannel) key.channel();
        Progress p = (Progress) key.attachment();
        try {
            if (key.isConnectable()) {
                ch.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
                return false;
            }
            if (key.isWritable()) {
                ch.write(p.request);
                if (!p.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return false;
            }
            if (key.isReadable()) {
                if (ch.read(p.response) < 0 || !p.response.hasRemaining()) {
                    key.cancel();
                    return true;
                }
                if (endsWithBody(p.response)) {
                    answered++;
                    key.interestOps(0);
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            key.cancel();
            return true;
        }
    }

    private static boolean endsWithBody(ByteBuffer response) {
        int end = response.position();
        if (end < BODY.length) {
            return false;
        }
        for (int i = 0; i < BODY.length; i++) {
            if (response.get(end - BODY.length + i) != BODY[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        for (SocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        channels.clear();
    }
}
