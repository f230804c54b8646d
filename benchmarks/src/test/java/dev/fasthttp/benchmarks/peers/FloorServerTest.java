package dev.fasthttp.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FloorServerTest {

    private static final String ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 26\r\n\r\n"
            + "{\"id\":42,\"name\":\"user 42\"}";
    private static final String GET = "GET /users/42 HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private FloorServer server;
    private Thread loop;

    @BeforeEach
    void start() throws IOException {
        server = new FloorServer(0);
        loop = Thread.ofPlatform().name("floor").start(() -> {
            try {
                server.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        loop.join(10_000);
    }

    @Test
    void answersEveryRequestWhateverTheReadsSplitItsEndInto() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            // Three pipelined requests, the second one's end split across two writes.
            out.write((GET + GET.substring(0, GET.length() - 3)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            out.write(("\n\r\n" + GET).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(read(socket.getInputStream(), 3 * ANSWER.length())).isEqualTo(ANSWER.repeat(3));
        }
    }

    @Test
    void answersTheHarnessReadinessProbeAndCloses() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));

            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("Hello, World!");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String read(InputStream in, int length) throws IOException {
        return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
