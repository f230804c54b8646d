package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ctx.setBodyStream(stream, size): Content-Length when the size is known, chunked when not; each stream closed once. */
class BodyStreamTest {

    private Server server;
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger read = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    /** Bytes 0, 1, ... 250, 0, 1, ...: byte i is i % 251, generated, never held whole. */
    private InputStream pattern(long length) {
        return new InputStream() {
            private long position;
            private boolean isClosed;

            @Override
            public int read() {
                return position < length ? (int) (position++ % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (position++ % 251);
                }
                read.addAndGet(n);
                return n;
            }

            @Override
            public void close() {
                if (!isClosed) {
                    isClosed = true;
                    closed.incrementAndGet();
                }
            }
        };
    }

    private void serve(long actual, long declared) {
        server = TestServers.start(ctx -> ctx.setContentType("application/octet-stream").setBodyStream(pattern(actual), declared));
    }

    @Test
    void aKnownSizeIsSentWithContentLength() throws Exception {
        serve(100_000, 100_000);
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo("100000");
            assertThat(r.header("Transfer-Encoding")).isNull();
            assertThat(r.body()).hasSize(100_000);
            for (int i = 0; i < r.body().length; i++) {
                assertThat(r.body()[i] & 0xff).isEqualTo(i % 251);
            }
            // The connection stays usable for the next request.
            assertThat(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().body()).hasSize(100_000);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> closed.get() == 2);
    }

    @Test
    void anUnknownSizeIsSentChunked() throws Exception {
        serve(70_000, -1);
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(r.header("Content-Length")).isNull();
            assertThat(r.body()).hasSize(70_000);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> closed.get() == 1);
    }

    @Test
    void aStreamShorterThanItsSizeCutsTheConnection() throws Exception {
        serve(10, 100);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.readHead();
            assertThat(head.header("Content-Length")).isEqualTo("100");
            assertThat(c.input().readAllBytes().length).as("the connection ends before the promised length").isLessThan(100);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> closed.get() == 1);
    }

    @Test
    void aHeadRequestGetsTheLengthAndTheStreamIsClosedUnread() throws Exception {
        serve(5_000, 5_000);
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("HEAD / HTTP/1.1\r\nHost: t\r\n\r\n").read(true);
            assertThat(r.header("Content-Length")).isEqualTo("5000");
            assertThat(r.body()).isEmpty();
            assertThat(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().body()).hasSize(5_000);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> closed.get() == 2);
        assertThat(read.get()).as("only the GET read the stream").isEqualTo(5_000);
    }

    @Test
    void anHttp10ClientGetsTheLengthAndMayKeepTheConnection() throws Exception {
        serve(3_000, 3_000);
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(r.header("Content-Length")).isEqualTo("3000");
            assertThat(r.body()).hasSize(3_000);
            assertThat(c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().body()).hasSize(3_000);
        }
    }

    @Test
    void aLargeBodyArrivesWhole() throws Exception {
        long size = 256L * 1024 * 1024;
        serve(size, size);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(size);
        assertThat(sha256(response.body())).isEqualTo(sha256(pattern(size)));
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
