package dev.fasthttp.client;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that plays a script on each connection, on a raw socket: for client cases where the
 * order of bytes matters (what may arrive before what), which a real server would hide. {@link
 * #close()} waits for the scripts under way to end (close the client first) and rethrows what the
 * first that failed threw: a failed assertion about what arrived, say.
 */
final class ScriptedServer implements AutoCloseable {

    /** What the server does with one connection; it is closed afterwards. */
    @FunctionalInterface
    interface Script {
        void play(Socket s, InputStream in) throws Exception;
    }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    ScriptedServer(Script script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            script.play(s, s.getInputStream());
                        } catch (Throwable t) {
                            failures.add(t);
                        } finally {
                            finished.incrementAndGet();
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** Reads a request head, up to and with its blank line; null if the client closed first. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) != -1; ) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return matched == 4 ? head.toString(StandardCharsets.ISO_8859_1) : null;
    }

    /** Reads exactly {@code n} bytes. */
    static byte[] readBytes(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("the client sent " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** Reads and counts what the client sends until it closes the connection. */
    static long readToEnd(InputStream in) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        for (int r; (r = in.read(buf)) != -1; ) {
            n += r;
        }
        return n;
    }

    static void write(Socket s, String bytes) throws IOException {
        s.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.get() == connections.get());
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            if (first instanceof Exception e) {
                throw e;
            }
            throw (Error) first;
        }
    }
}
