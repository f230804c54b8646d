package dev.fasthttp.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that answers every request with exact bytes, for client tests of responses this
 * project's server would never send: interim responses, odd framing, broken heads.
 */
final class CannedServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    /** Answers each request with {@code response}; closes the connection after it if {@code close}. */
    CannedServer(String response, boolean close) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(s, response.getBytes(StandardCharsets.ISO_8859_1), close));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket s, byte[] response, boolean close) {
        try (s) {
            InputStream in = s.getInputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requests.add(head);
                s.getOutputStream().write(response);
                s.getOutputStream().flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** The request head (the tests send no bodies), or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> requests() {
        return requests;
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
