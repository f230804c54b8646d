package dev.fasthttp.benchmarks;

import dev.fasthttp.RequestHandler;
import dev.fasthttp.Server;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fasthttputil's {@code InmemoryListener}: each {@link #dial} makes a pair of {@link BytePipe}s,
 * serves the server end on a thread of its own with {@link Server#serveConnection} (as Go serves
 * each connection on a goroutine), and returns the client end as a socket.
 */
final class InMemoryListener implements AutoCloseable {

    /**
     * Per direction; ample for these requests and responses (about 100 bytes each). Kept small
     * because a ring walks through all of its bytes before it reuses any: with 64 KiB rings a
     * thousand connections streamed 128 MiB through the caches, costing 1,000 virtual-thread
     * callers 15% of their speed. fasthttputil's pipe copies through pooled buffers instead, which
     * stay hot.
     */
    private static final int PIPE_CAPACITY = 2048;

    private final Server server;
    /** How to hang up each connection still open. */
    private final Set<Runnable> open = ConcurrentHashMap.newKeySet();

    InMemoryListener(RequestHandler handler) {
        this.server = Server.builder().handler(handler).build();
    }

    Socket dial() throws SocketException {
        BytePipe toServer = new BytePipe(PIPE_CAPACITY);
        BytePipe toClient = new BytePipe(PIPE_CAPACITY);
        Runnable hangUp = () -> {
            toServer.close();
            toClient.close();
        };
        ByteChannel serverEnd = new ByteChannel() {
            private volatile boolean openChannel = true;

            @Override
            public int read(ByteBuffer dst) {
                return toServer.read(dst);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return toClient.write(src);
            }

            @Override
            public boolean isOpen() {
                return openChannel;
            }

            @Override
            public void close() {
                openChannel = false;
                hangUp.run();
            }
        };
        // The server end runs on the kind of thread the caller is: platform callers get platform
        // servers (whose parking allocates nothing), virtual ones (JMH's -Djmh.executor=VIRTUAL)
        // virtual servers, all switching in user space on one carrier as goroutines do.
        Thread.Builder serverThread = Thread.currentThread().isVirtual()
                ? Thread.ofVirtual().name("in-memory-server")
                : Thread.ofPlatform().daemon().name("in-memory-server");
        serverThread.start(() -> {
            try {
                server.serveConnection(serverEnd);
            } catch (IOException e) {
                // hung up by the client mid-response: only when a benchmark ends
            } finally {
                hangUp.run();
            }
        });
        open.add(hangUp);
        return new InMemorySocket(toClient.input(), toServer.output(), () -> {
            hangUp.run();
            open.remove(hangUp);
        });
    }

    /** Hangs up every connection still open; their server threads end. */
    @Override
    public void close() {
        for (Runnable hangUp : open) {
            hangUp.run();
        }
    }
}
