package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection reuse: pipelined requests answered in order, and when a connection is kept or closed. */
class KeepAliveAndPipeliningTest {

    private Server server;

    /** Answers with the path, the connection's request number and the body length. */
    private static void route(RequestCtx ctx) {
        String path = ctx.path().toString();
        if (path.equals("/close-by-handler")) {
            ctx.setConnectionClose();
        } else if (path.equals("/close-by-header")) {
            ctx.response().headers().set("Connection", "close");
        }
        if (path.startsWith("/mixed/")) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(ctx.body().toBytes());
            ctx.success("text/plain; charset=utf-8", path + " id=" + ctx.headers().get("X-Id")
                    + " q=" + ctx.queryArgs().get("q") + " chunked=" + ctx.headers().isChunked()
                    + " length=" + ctx.body().length() + " crc=" + crc.getValue());
            return;
        }
        if (path.startsWith("/big/")) {
            int size = Integer.parseInt(path.substring(5));
            byte[] body = new byte[size];
            for (int i = 0; i < size; i++) {
                body[i] = (byte) ('a' + (i * 7 + size) % 26);
            }
            ctx.success("application/octet-stream", body);
            return;
        }
        ctx.success("text/plain; charset=utf-8",
                path + " #" + ctx.connectionRequestNumber() + " body=" + ctx.body().length());
    }

    private Server start(Consumer<Server.Builder> settings) {
        server = TestServers.start(KeepAliveAndPipeliningTest::route, settings);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
    }

    @Test
    void sixteenPipelinedRequestsInOneWriteAreAnsweredInOrder() throws Exception {
        start(b -> { });
        StringBuilder burst = new StringBuilder();
        for (int i = 1; i <= 16; i++) {
            if (i % 3 == 0) {
                String body = "body-" + i;
                burst.append("POST /r").append(i).append(" HTTP/1.1\r\nHost: test\r\nContent-Length: ")
                        .append(body.length()).append("\r\n\r\n").append(body);
            } else {
                burst.append(get("/r" + i));
            }
        }
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(burst.toString());
            List<RawResponse> responses = c.read(16);
            for (int i = 1; i <= 16; i++) {
                RawResponse r = responses.get(i - 1);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.closes()).isFalse();
                int bodyLength = i % 3 == 0 ? ("body-" + i).length() : 0;
                assertThat(r.bodyText()).isEqualTo("/r" + i + " #" + i + " body=" + bodyLength);
            }
            // still open and usable afterwards
            assertThat(c.send(get("/after")).read().bodyText()).isEqualTo("/after #17 body=0");
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void largePipelinedBurstIsAnsweredInOrder() throws Exception {
        start(b -> { });
        int count = 2000;
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int i = 1; i <= count; i++) {
            burst.writeBytes(get("/burst/" + i).getBytes(StandardCharsets.US_ASCII));
        }
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(burst.toByteArray());
            for (int i = 1; i <= count; i++) {
                RawResponse r = c.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyText()).isEqualTo("/burst/" + i + " #" + i + " body=0");
            }
        }
    }

    @Test
    void pipelinedBurstSplitAtRandomPointsIsAnsweredInOrder() throws Exception {
        start(b -> { });
        int count = 300;
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int i = 1; i <= count; i++) {
            String body = "x".repeat(i % 50);
            burst.writeBytes(("PUT /split/" + i + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = burst.toByteArray();
        Random random = new Random(42);
        try (RawConnection c = new RawConnection(server.port())) {
            for (int p = 0; p < bytes.length; ) {
                int n = Math.min(bytes.length - p, 1 + random.nextInt(700));
                c.send(java.util.Arrays.copyOfRange(bytes, p, p + n));
                p += n;
            }
            for (int i = 1; i <= count; i++) {
                assertThat(c.read().bodyText()).isEqualTo("/split/" + i + " #" + i + " body=" + (i % 50));
            }
        }
    }

    @Test
    void pipelinedRequestsWithResponsesLargerThanTheWriteBufferStayInOrder() throws Exception {
        start(b -> { });
        int[] sizes = {10, 300_000, 5, 70_000, 1_000_000, 4096, 4097, 1, 2_000_000, 12};
        StringBuilder burst = new StringBuilder();
        for (int size : sizes) {
            burst.append(get("/big/" + size));
        }
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(burst.toString());
            for (int size : sizes) {
                RawResponse r = c.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).hasSize(size);
                for (int i = 0; i < size; i++) {
                    if (r.body()[i] != (byte) ('a' + (i * 7 + size) % 26)) {
                        throw new AssertionError("body of /big/" + size + " differs at " + i);
                    }
                }
            }
            assertThat(c.send(get("/after")).read().bodyText()).isEqualTo("/after #11 body=0");
        }
    }

    @Test
    void connectionCloseFromTheClientIsHonoured() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            // the request after the one asking to close is never answered
            c.send("GET /first HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n" + get("/ignored"));
            RawResponse r = c.read();
            assertThat(r.bodyText()).isEqualTo("/first #1 body=0");
            assertThat(r.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void handlerCanCloseTheConnectionAfterItsResponse() throws Exception {
        start(b -> { });
        for (String path : new String[] {"/close-by-handler", "/close-by-header"}) {
            try (RawConnection c = new RawConnection(server.port())) {
                c.send(get("/before") + get(path) + get("/ignored"));
                assertThat(c.read().closes()).isFalse();
                RawResponse r = c.read();
                assertThat(r.bodyText()).isEqualTo(path + " #2 body=0");
                assertThat(r.headers("Connection")).containsExactly("close");
                assertThat(c.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void keepAliveDisabledClosesAfterEveryResponse() throws Exception {
        start(b -> b.keepAlive(false));
        for (int i = 0; i < 3; i++) {
            try (RawConnection c = new RawConnection(server.port())) {
                c.send(get("/one") + get("/two"));
                RawResponse r = c.read();
                assertThat(r.bodyText()).isEqualTo("/one #1 body=0");
                assertThat(r.closes()).isTrue();
                assertThat(c.closedByServer()).isTrue();
            }
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(3);
        assertThat(server.stats().requests()).isEqualTo(3);
    }

    @Test
    void http10ClosesUnlessAskedToKeepAlive() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /plain10 HTTP/1.0\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.head()).startsWith("HTTP/1.1 200 OK\r\n");
            assertThat(r.bodyText()).isEqualTo("/plain10 #1 body=0");
            assertThat(r.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawConnection c = new RawConnection(server.port())) {
            for (int i = 1; i <= 3; i++) {
                c.send("GET /keep10 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                RawResponse r = c.read();
                assertThat(r.bodyText()).isEqualTo("/keep10 #" + i + " body=0");
                assertThat(r.header("Connection")).isEqualToIgnoringCase("keep-alive");
            }
            c.send("GET /last10 HTTP/1.0\r\n\r\n");
            RawResponse last = c.read();
            assertThat(last.bodyText()).isEqualTo("/last10 #4 body=0");
            assertThat(last.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void http11KeepsAliveByDefaultAndAcrossDifferentRequests() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            for (int i = 1; i <= 20; i++) {
                RawResponse r = i % 2 == 0
                        ? c.send("POST /p HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc").read()
                        : c.send("GET /g HTTP/1.1\r\nHost: t\r\nConnection: keep-alive\r\n\r\n").read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Connection")).isNull();
                assertThat(r.bodyText()).endsWith("#" + i + " body=" + (i % 2 == 0 ? 3 : 0));
            }
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void clientClosingAKeptAliveConnectionFreesIt() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            assertThat(c.send(get("/x")).read().status()).isEqualTo(200);
            assertThat(server.stats().connectionsActive()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
    }

    @Test
    void pipelinedMixOfSmallAndLargeBodiesContentLengthAndChunked() throws Exception {
        // Bodies larger than the read buffer arrive behind other requests: the buffer is compacted
        // and grown under a parsed head, which must still read the same afterwards.
        start(b -> b.readBufferSize(1024));
        Random random = new Random(7);
        int count = 60;
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        String[] expected = new String[count];
        for (int i = 0; i < count; i++) {
            int size = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(100);
                case 2 -> 1000 + random.nextInt(5000);
                default -> 10_000 + random.nextInt(40_000);
            };
            byte[] body = new byte[size];
            random.nextBytes(body);
            boolean chunked = i % 3 == 0 && size > 0;
            String head = "POST /mixed/" + i + "?q=v" + i + " HTTP/1.1\r\nHost: t\r\nX-Id: id-" + i + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n";
            burst.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            if (chunked) {
                for (int p = 0; p < size; ) {
                    int n = Math.min(size - p, 1 + random.nextInt(3000));
                    burst.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    burst.write(body, p, n);
                    burst.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                    p += n;
                }
                burst.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                burst.writeBytes(body);
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(body);
            expected[i] = "/mixed/" + i + " id=id-" + i + " q=v" + i + " chunked=" + chunked + " length=" + size
                    + " crc=" + crc.getValue();
        }
        byte[] bytes = burst.toByteArray();
        try (RawConnection c = new RawConnection(server.port())) {
            // written from another thread, so that the responses are read while the requests go out
            java.util.concurrent.CompletableFuture<Void> writing = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    for (int p = 0; p < bytes.length; p += 8192) {
                        c.send(java.util.Arrays.copyOfRange(bytes, p, Math.min(bytes.length, p + 8192)));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (int i = 0; i < count; i++) {
                RawResponse r = c.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyText()).isEqualTo(expected[i]);
            }
            writing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
