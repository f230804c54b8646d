package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Megabyte bodies both ways, read fast and read slowly (so the server must write in parts). */
class LargeBodiesTest {

    private static final int MIB = 1024 * 1024;

    private Server server;
    private HttpClient client;

    /** Byte {@code i} of the body of /big/{size}: differs with position and size, so a shift shows. */
    private static byte expected(int size, int i) {
        return (byte) (i * 31 + size + (i >>> 13));
    }

    private static byte[] body(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = expected(size, i);
        }
        return b;
    }

    private static void assertBody(byte[] actual, int size) {
        assertThat(actual).hasSize(size);
        for (int i = 0; i < size; i++) {
            if (actual[i] != expected(size, i)) {
                throw new AssertionError("body of " + size + " bytes differs at byte " + i);
            }
        }
    }

    @BeforeEach
    void start() {
        server = TestServers.start(ctx -> {
            String path = ctx.path().toString();
            if (path.startsWith("/big/")) {
                ctx.success("application/octet-stream", body(Integer.parseInt(path.substring(5))));
            } else {
                ctx.setContentType("application/octet-stream");
                ctx.write(ctx.body());
            }
        });
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown(Duration.ofSeconds(5));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void largeResponsesReadByHttpClientAreIntact() throws Exception {
        for (int size : new int[] {MIB, 3 * MIB + 7, 8 * MIB}) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/big/" + size)).build(),
                    BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(size));
            assertBody(r.body(), size);
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void concurrentLargeResponsesAreIntact() throws Exception {
        List<CompletableFuture<HttpResponse<byte[]>>> futures = new ArrayList<>();
        int size = 2 * MIB + 3;
        for (int i = 0; i < 6; i++) {
            futures.add(client.sendAsync(HttpRequest.newBuilder(uri("/big/" + (size + i))).build(),
                    BodyHandlers.ofByteArray()));
        }
        for (int i = 0; i < futures.size(); i++) {
            HttpResponse<byte[]> r = futures.get(i).get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertBody(r.body(), size + i);
        }
    }

    @Test
    void requestBodyAtTheDefaultLimitIsEchoedIntact() throws Exception {
        byte[] sent = new byte[4 * MIB]; // the default maxRequestBodySize
        new Random(7).nextBytes(sent);
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent)).build(), BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(sent);
    }

    @Test
    void largeResponseReadSlowlyThroughASmallWindowIsIntact() throws Exception {
        int size = 8 * MIB;
        try (RawConnection c = new RawConnection(server.port(), null, 16 * 1024)) {
            c.send("GET /big/" + size + " HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(size));
            byte[] received = readSlowly(c.input(), size, null);
            assertBody(received, size);
            // the connection is still in step
            c.send("GET /big/10 HTTP/1.1\r\nHost: t\r\n\r\n");
            assertBody(c.read().body(), 10);
        }
    }

    @Test
    void requestPipelinedWhileALargeResponseIsStillBeingWrittenIsAnsweredAfterIt() throws Exception {
        int size = 4 * MIB + 1;
        try (RawConnection c = new RawConnection(server.port(), null, 16 * 1024)) {
            c.send("GET /big/" + size + " HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            // Halfway through (the server is waiting for the socket to drain), two more requests come.
            byte[] received = readSlowly(c.input(), size, () -> {
                c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"
                        + "GET /big/70000 HTTP/1.1\r\nHost: t\r\n\r\n");
                return null;
            });
            assertBody(received, size);
            assertThat(c.read().bodyText()).isEqualTo("hello");
            assertBody(c.read().body(), 70000);
        }
    }

    /**
     * Reads {@code size} bytes in small reads, pausing now and then so the server's socket fills;
     * runs {@code halfway} once half is read.
     */
    private static byte[] readSlowly(InputStream in, int size, java.util.concurrent.Callable<Void> halfway) throws Exception {
        byte[] received = new byte[size];
        int n = 0;
        int nextPause = 256 * 1024;
        boolean halfwayDone = halfway == null;
        while (n < size) {
            int r = in.read(received, n, Math.min(4096, size - n));
            if (r < 0) {
                throw new AssertionError("connection closed after " + n + " of " + size + " bytes");
            }
            n += r;
            if (n >= nextPause) {
                nextPause += 256 * 1024;
                Thread.sleep(5); // only to be a slow reader; nothing waits on this
            }
            if (!halfwayDone && n >= size / 2) {
                halfwayDone = true;
                halfway.call();
            }
        }
        return received;
    }
}
