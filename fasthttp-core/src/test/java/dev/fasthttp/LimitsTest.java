package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request size limits and connection limits, just under and just over each. */
class LimitsTest {

    private static final int BODY_LIMIT = 256 * 1024;

    private final AtomicInteger handled = new AtomicInteger();
    private Server server;

    private void start(Consumer<Server.Builder> settings) {
        server = TestServers.start(ctx -> {
            handled.incrementAndGet();
            ctx.response().headers().setLong("X-Request-Number", ctx.connectionRequestNumber());
            ctx.setContentType("application/octet-stream");
            ctx.write(ctx.body());
        }, settings);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] post(String head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] chunked(byte[] body, Random sizes, int maxChunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int p = 0; p < body.length; ) {
            int n = Math.min(body.length - p, 1 + sizes.nextInt(maxChunk));
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, p, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            p += n;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    // ---- request body ------------------------------------------------------------------------

    @Test
    void contentLengthBodyExactlyAtTheLimitIsAccepted() throws Exception {
        start(b -> b.maxRequestBodySize(BODY_LIMIT));
        byte[] body = randomBytes(BODY_LIMIT, 1);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(post("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + BODY_LIMIT + "\r\n\r\n", body));
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(body);
            // the connection goes on
            assertThat(c.send("GET /next HTTP/1.1\r\nHost: t\r\n\r\n").read().header("X-Request-Number")).isEqualTo("2");
        }
    }

    @Test
    void contentLengthBodyOneByteOverTheLimitIs413AndClose() throws Exception {
        start(b -> b.maxRequestBodySize(BODY_LIMIT));
        byte[] body = randomBytes(BODY_LIMIT + 1, 2);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(post("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (BODY_LIMIT + 1) + "\r\n\r\n", body));
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(handled).hasValue(0);
        assertThat(server.stats().protocolErrors(ProtocolError.BODY_TOO_LARGE)).isEqualTo(1);
    }

    @Test
    void announcedBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        start(b -> b.maxRequestBodySize(BODY_LIMIT));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000000\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void chunkedBodyExactlyAtTheLimitIsAccepted() throws Exception {
        start(b -> b.maxRequestBodySize(BODY_LIMIT));
        byte[] body = randomBytes(BODY_LIMIT, 3);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(post("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n",
                    chunked(body, new Random(3), 9000)));
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(body);
            assertThat(c.send("GET /next HTTP/1.1\r\nHost: t\r\n\r\n").read().header("X-Request-Number")).isEqualTo("2");
        }
    }

    @Test
    void chunkedBodyOfTinyChunksExactlyAtTheLimitIsAccepted() throws Exception {
        // The framing is several times the size of the data: the in-place decoder must reclaim it.
        int limit = 64 * 1024;
        start(b -> b.maxRequestBodySize(limit));
        byte[] body = randomBytes(limit, 4);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(post("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n",
                    chunked(body, new Random(4), 3)));
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(body);
        }
    }

    @Test
    void chunkedBodyOneByteOverTheLimitIs413AndClose() throws Exception {
        start(b -> b.maxRequestBodySize(BODY_LIMIT));
        byte[] body = randomBytes(BODY_LIMIT + 1, 5);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(post("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n",
                    chunked(body, new Random(5), 9000)));
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(handled).hasValue(0);
        assertThat(server.stats().protocolErrors(ProtocolError.BODY_TOO_LARGE)).isEqualTo(1);
    }

    // ---- request head ------------------------------------------------------------------------

    /** A GET whose head (request line to the blank line included) is exactly {@code size} bytes. */
    private static String headOfSize(int size) {
        String prefix = "GET /head HTTP/1.1\r\nHost: t\r\nX-Pad: ";
        String suffix = "\r\n\r\n";
        String head = prefix + "p".repeat(size - prefix.length() - suffix.length()) + suffix;
        assertThat(head).hasSize(size);
        return head;
    }

    @Test
    void headExactlyAtTheLimitIsAccepted() throws Exception {
        start(b -> b.maxRequestHeaderSize(8192)); // twice the read buffer: the buffer must grow
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send(headOfSize(8192)).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.closes()).isFalse();
            assertThat(c.send(headOfSize(8000)).read().header("X-Request-Number")).isEqualTo("2");
        }
    }

    @Test
    void headOneByteOverTheLimitIs431AndClose() throws Exception {
        start(b -> b.maxRequestHeaderSize(8192));
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send(headOfSize(8193)).read();
            assertThat(r.status()).isEqualTo(431);
            assertThat(r.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void headThatNeverEndsIsRefusedOnceOverTheLimit() throws Exception {
        start(b -> b.maxRequestHeaderSize(8192));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /head HTTP/1.1\r\nHost: t\r\n");
            StringBuilder headers = new StringBuilder();
            for (int i = 0; i < 400; i++) {
                headers.append("X-Header-").append(i).append(": value\r\n");
            }
            c.send(headers.toString()); // over 8 KiB, without the blank line
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(431);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void uriExactlyAtTheLimitIsAcceptedAndOneOverIs414() throws Exception {
        start(b -> b.maxRequestUriLength(1000));
        String atLimit = "/" + "u".repeat(999);
        try (RawConnection c = new RawConnection(server.port())) {
            assertThat(c.send("GET " + atLimit + " HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET " + atLimit + "u HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(414);
            assertThat(r.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    // ---- connections -------------------------------------------------------------------------

    private static RawResponse get(RawConnection c) throws IOException {
        return c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read();
    }

    @Test
    void connectionOverMaxConnectionsGets503AndClose() throws Exception {
        start(b -> b.maxConnections(2));
        try (RawConnection first = new RawConnection(server.port());
             RawConnection second = new RawConnection(server.port())) {
            assertThat(get(first).status()).isEqualTo(200);
            assertThat(get(second).status()).isEqualTo(200);
            assertThat(server.stats().connectionsActive()).isEqualTo(2);

            try (RawConnection third = new RawConnection(server.port())) {
                RawResponse r = third.read(); // answered without asking
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.closes()).isTrue();
                assertThat(third.closedByServer()).isTrue();
            }
            assertThat(server.stats().connectionsRejected()).isEqualTo(1);
            // the admitted ones are unaffected
            assertThat(get(first).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
        try (RawConnection again = new RawConnection(server.port())) {
            assertThat(get(again).status()).isEqualTo(200);
        }
        assertThat(handled).hasValue(4);
    }

    @Test
    void connectionOverMaxConnectionsPerIpGets429AndClose() throws Exception {
        start(b -> b.maxConnectionsPerIp(2));
        try (RawConnection first = new RawConnection(server.port());
             RawConnection second = new RawConnection(server.port())) {
            assertThat(get(first).status()).isEqualTo(200);
            assertThat(get(second).status()).isEqualTo(200);

            try (RawConnection third = new RawConnection(server.port())) {
                RawResponse r = third.read();
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.closes()).isTrue();
                assertThat(third.closedByServer()).isTrue();
            }
            assertThat(server.stats().connectionsRejected()).isEqualTo(1);

            // another client address is still welcome (Linux routes all of 127/8 to loopback)
            RawConnection other = null;
            try {
                other = new RawConnection(server.port(), "127.0.0.2", 0);
            } catch (BindException e) {
                // no second loopback address here; the rest of the test still stands
            }
            if (other != null) {
                try (RawConnection c = other) {
                    assertThat(get(c).status()).isEqualTo(200);
                }
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
        try (RawConnection again = new RawConnection(server.port())) {
            assertThat(get(again).status()).isEqualTo(200);
        }
    }

    @Test
    void httpClientOpensANewConnectionWhenTheLimitPerConnectionIsReached() throws Exception {
        start(b -> b.maxRequestsPerConnection(3));
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 1; i <= 10; i++) {
                java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("X-Request-Number")).hasValue(String.valueOf((i - 1) % 3 + 1));
            }
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(4);
    }

    @Test
    void maxRequestsPerConnectionClosesAfterTheNthResponse() throws Exception {
        start(b -> b.maxRequestsPerConnection(3));
        try (RawConnection c = new RawConnection(server.port())) {
            for (int i = 1; i <= 2; i++) {
                RawResponse r = get(c);
                assertThat(r.header("X-Request-Number")).isEqualTo(String.valueOf(i));
                assertThat(r.closes()).isFalse();
            }
            RawResponse third = get(c);
            assertThat(third.header("X-Request-Number")).isEqualTo("3");
            assertThat(third.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
        // pipelined: the requests beyond the limit are not answered
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n".repeat(5));
            assertThat(c.read(3)).extracting(RawResponse::closes).containsExactly(false, false, true);
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(handled).hasValue(6);
    }
}
