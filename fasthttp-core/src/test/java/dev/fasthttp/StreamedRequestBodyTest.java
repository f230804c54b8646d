package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies read as they arrive ({@link Route#streaming()}, {@link RequestCtx#requestBodyStream()}):
 * Content-Length and chunked, any split, pipelined requests after them, what a handler leaves
 * unread, and every way a body can fail while streaming, over real sockets.
 */
class StreamedRequestBodyTest {

    private Server server;
    /** What the handler saw go wrong while reading, if anything. */
    private final BlockingQueue<Throwable> failures = new ArrayBlockingQueue<>(16);
    /** The ctx's done reason when reading failed ("null" if the signal had not fired). */
    private final BlockingQueue<String> doneReasons = new ArrayBlockingQueue<>(16);

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    /** POST /upload (streaming): {"bytes":N,"sha256":...}; POST /buffered: the same from the buffered body; POST /ignore reads nothing. */
    private void start(Consumer<Server.Builder> settings) {
        Router router = Router.builder()
                .route(Route.post("/upload", StreamedRequestBodyTest::digest).streaming())
                .route(Route.post("/ignore", ctx -> ctx.setBodyString("ignored")).streaming())
                .route(Route.post("/fail", ctx -> {
                    try {
                        ctx.requestBodyStream().transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        failures.add(e);
                        doneReasons.add(String.valueOf(ctx.doneReason()));
                        throw e;
                    }
                }).streaming())
                .route(Route.post("/receive", StreamedRequestBodyTest::receive).streaming().onEventLoop())
                .route(Route.post("/receive-later", ctx -> ctx.receiveBody(counting(demand ->
                        java.util.concurrent.CompletableFuture.runAsync(demand::request)))).streaming().onEventLoop())
                .route(Route.post("/stall", ctx -> ctx.receiveBody(counting(demand -> { }))).streaming().onEventLoop())
                .route(Route.post("/inline-ignore", ctx -> ctx.setBodyString("not read")).streaming().onEventLoop())
                .route(Route.post("/inline-stream", ctx -> ctx.requestBodyStream().read()).streaming().onEventLoop())
                .route(Route.post("/timed", StreamedRequestBodyTest::digest).streaming().timeout(Duration.ofMillis(300)))
                .post("/buffered", StreamedRequestBodyTest::digest)
                .get("/hello", ctx -> ctx.setBodyString("hello"))
                .build();
        server = TestServers.start(router, settings);
    }

    private static void digest(RequestCtx ctx) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[8192];
        long total = 0;
        try (InputStream in = ctx.requestBodyStream()) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                sha.update(chunk, 0, n);
                total += n;
            }
        }
        ctx.setContentType("application/json").setBodyString("{\"bytes\":" + total + ",\"sha256\":\""
                + HexFormat.of().formatHex(sha.digest()) + "\",\"streamed\":" + ctx.request().isBodyStreamed() + "}");
    }

    /** Receives the body on the loop, asking for each next piece at once, and answers as {@link #digest} does. */
    private static void receive(RequestCtx ctx) throws Exception {
        ctx.receiveBody(counting(BodyDemand::request));
    }

    /** Hashes what it receives on the loop; {@code ask} asks for more (or not) after each piece. */
    private static BodyReceiver counting(Consumer<BodyDemand> ask) {
        return new BodyReceiver() {
            private final MessageDigest sha = sha256();
            private long total;
            private final Thread loop = Thread.currentThread();

            @Override
            public void onData(RequestCtx ctx, dev.fasthttp.bytes.ByteView piece, BodyDemand demand) {
                assertThat(Thread.currentThread()).isSameAs(loop);
                sha.update(piece.array(), piece.offset(), piece.length());
                total += piece.length();
                ask.accept(demand);
            }

            @Override
            public void onEnd(RequestCtx ctx) {
                ctx.setContentType("application/json").setBodyString("{\"bytes\":" + total + ",\"sha256\":\""
                        + HexFormat.of().formatHex(sha.digest()) + "\",\"streamed\":true}");
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expected(byte[] body, boolean streamed) throws Exception {
        return "{\"bytes\":" + body.length + ",\"sha256\":\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))
                + "\",\"streamed\":" + streamed + "}";
    }

    private static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    private static byte[] chunked(byte[] body, int chunkSize, String trailers) {
        StringBuilder sb = new StringBuilder();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunkSize) {
            int n = Math.min(chunkSize, body.length - i);
            out.writeBytes((Integer.toHexString(n) + (i % 3 == 0 ? ";ext=1" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("0\r\n" + trailers + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Sends {@code bytes} in pieces of {@code split} bytes, flushing each: every read boundary the server may see. */
    private static void sendSplit(RawConnection c, byte[] bytes, int split) throws IOException {
        OutputStream out = c.socket().getOutputStream();
        for (int i = 0; i < bytes.length; i += split) {
            out.write(bytes, i, Math.min(split, bytes.length - i));
            out.flush();
        }
    }

    @Test
    void contentLengthAndChunkedBodiesStreamWhole() throws Exception {
        start(b -> b.requestBodyStreamBufferSize(1));
        for (int size : new int[] {1, 100, 70_000, 1 << 20}) {
            byte[] body = pattern(size);
            try (RawConnection c = new RawConnection(server.port())) {
                c.send(concat("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: " + size + "\r\n\r\n", body));
                assertThat(c.read().bodyText()).as("Content-Length %d", size).isEqualTo(expected(body, true));
                c.send(concat("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(body, 5000, "X-Sum: 1\r\n")));
                assertThat(c.read().bodyText()).as("chunked %d", size).isEqualTo(expected(body, true));
            }
        }
    }

    @Test
    void everySplitOfTheWireGivesTheSameBody() throws Exception {
        start(b -> { });
        byte[] body = pattern(3000);
        byte[] wire = concat("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(body, 700, ""));
        for (int split : new int[] {1, 2, 3, 7, 64, 1000}) {
            try (RawConnection c = new RawConnection(server.port())) {
                sendSplit(c, wire, split);
                assertThat(c.read().bodyText()).as("split %d", split).isEqualTo(expected(body, true));
            }
        }
    }

    @Test
    void jdkClientUploadsOfUnknownLengthAreChunkedAndStreamed() throws Exception {
        start(b -> { });
        byte[] body = pattern(8 << 20);
        HttpClient client = HttpClient.newHttpClient();
        Supplier<InputStream> source = () -> new java.io.ByteArrayInputStream(body);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(source)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(expected(body, true));
    }

    @Test
    void pipelinedRequestsAfterAStreamedBodyAreServedInOrder() throws Exception {
        start(b -> { });
        byte[] body = pattern(5000);
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        wire.writeBytes(concat("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n", body));
        wire.writeBytes(concat("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(body, 999, "")));
        wire.writeBytes("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(wire.toByteArray());
            List<RawResponse> responses = c.read(3);
            assertThat(responses.get(0).bodyText()).isEqualTo(expected(body, true));
            assertThat(responses.get(1).bodyText()).isEqualTo(expected(body, true));
            assertThat(responses.get(2).bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void aBodyAlreadyBufferedOrAbsentIsReadTheSameWay() throws Exception {
        start(b -> { });
        byte[] body = pattern(1000);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(concat("POST /buffered HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n", body));
            assertThat(c.read().bodyText()).isEqualTo(expected(body, false));
            c.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
            assertThat(c.read().bodyText()).isEqualTo(expected(new byte[0], false));
        }
    }

    @Test
    void aSmallBodyLeftUnreadIsDrainedAndTheConnectionKept() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(concat("POST /ignore HTTP/1.1\r\nHost: t\r\nContent-Length: 10000\r\n\r\n", pattern(10_000)));
            RawResponse r = c.read();
            assertThat(r.bodyText()).isEqualTo("ignored");
            assertThat(r.closes()).isFalse();
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(c.read().bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void aLargeBodyLeftUnreadClosesTheConnectionAfterTheResponse() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /ignore HTTP/1.1\r\nHost: t\r\nContent-Length: 100000000\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.bodyText()).isEqualTo("ignored");
            assertThat(r.closes()).isTrue();
        }
    }

    @Test
    void aDeclaredLengthOverTheStreamedLimitIsRefusedBeforeTheHandler() throws Exception {
        start(b -> b.maxStreamedRequestBodySize(1000).maxRequestBodySize(10));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /fail HTTP/1.1\r\nHost: t\r\nContent-Length: 1001\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(413);
        }
        try (RawConnection c = new RawConnection(server.port())) {
            // Streamed routes take the streamed limit, not the buffered one.
            c.send(concat("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n", pattern(1000)));
            assertThat(c.read().bodyText()).isEqualTo(expected(pattern(1000), true));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIs413AndCloses() throws Exception {
        start(b -> b.maxStreamedRequestBodySize(100_000));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(concat("POST /fail HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(pattern(200_000), 10_000, "")));
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.closes()).isTrue();
        }
        assertThat(failures.poll(10, TimeUnit.SECONDS)).isInstanceOf(RequestBodyException.class)
                .extracting(e -> ((RequestBodyException) e).status()).isEqualTo(413);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().protocolErrors(dev.fasthttp.http.ProtocolError.BODY_TOO_LARGE) == 1);
    }

    @Test
    void brokenChunkFramingMidStreamIs400AndCloses() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(concat("POST /fail HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n",
                    concat("a\r\n0123456789\r\n", "zz\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
            List<RawResponse> responses = c.read(1);
            assertThat(responses.get(0).status()).isEqualTo(400);
            assertThat(responses.get(0).closes()).isTrue();
            assertThat(c.closedByServer()).isTrue(); // nothing smuggled after the broken body
        }
    }

    @Test
    void aClientGoneMidBodyFailsTheRead() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /fail HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n0123456789");
            c.socket().shutdownOutput();
            assertThat(failures.poll(10, TimeUnit.SECONDS)).isInstanceOf(RequestBodyException.class)
                    .extracting(e -> ((RequestBodyException) e).error()).isEqualTo(dev.fasthttp.http.ProtocolError.INCOMPLETE_BODY);
            assertThat(doneReasons.poll(10, TimeUnit.SECONDS)).as("the done signal fired").isEqualTo("CLIENT_DISCONNECTED");
        }
    }

    @Test
    void aStalledBodyTimesOutWith408() throws Exception {
        start(b -> b.readTimeout(Duration.ofMillis(500)));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /fail HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n0123456789");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.closes()).isTrue();
        }
        assertThat(failures.poll(10, TimeUnit.SECONDS)).isInstanceOf(RequestBodyException.class);
    }

    @Test
    void expectContinueIsAnsweredBeforeTheStreamedBody() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(c.readHead().status()).isEqualTo(100);
            c.send("hello");
            assertThat(c.read().bodyText()).isEqualTo(expected("hello".getBytes(StandardCharsets.US_ASCII), true));
        }
    }

    @Test
    void aStreamedBodyIsNotReadableAsABuffer() throws Exception {
        Router router = Router.builder().route(Route.post("/", ctx -> {
            try {
                ctx.body();
                ctx.setBodyString("buffered?");
            } catch (IllegalStateException e) {
                ctx.setBodyString(e.getMessage());
            }
        }).streaming()).build();
        server = TestServers.start(router);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
            assertThat(c.read().bodyText()).contains("streamed").contains("requestBodyStream");
        }
    }

    @Test
    void aReceiverOnTheLoopGetsEveryPieceOfEveryFramingInOrder() throws Exception {
        start(b -> { });
        for (String path : new String[] {"/receive", "/receive-later"}) {
            for (int size : new int[] {1, 70_000, 3 << 20}) {
                byte[] body = pattern(size);
                try (RawConnection c = new RawConnection(server.port())) {
                    java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
                    wire.writeBytes(concat("POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Length: " + size + "\r\n\r\n", body));
                    wire.writeBytes(concat("POST " + path + " HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n",
                            chunked(body, 7000, "X-Sum: 1\r\n")));
                    wire.writeBytes("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    c.send(wire.toByteArray());
                    List<RawResponse> responses = c.read(3);
                    assertThat(responses.get(0).bodyText()).as("%s Content-Length %d", path, size).isEqualTo(expected(body, true));
                    assertThat(responses.get(1).bodyText()).as("%s chunked %d", path, size).isEqualTo(expected(body, true));
                    assertThat(responses.get(2).bodyText()).isEqualTo("hello");
                }
            }
            try (RawConnection c = new RawConnection(server.port())) {
                c.send("POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
                assertThat(c.read().bodyText()).as("no body: its end at once").isEqualTo(expected(new byte[0], true));
            }
        }
    }

    @Test
    void aReceiverThatStopsAskingHoldsTheBodyBackUntilTheReadTimeout() throws Exception {
        start(b -> b.readTimeout(Duration.ofMillis(500)));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(concat("POST /stall HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000\r\n\r\n", pattern(100_000)));
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.closes()).isTrue();
        }
    }

    @Test
    void anInlineHandlerOnAStreamingRouteMayLeaveTheBodyOrFailToBlock() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /inline-ignore HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
            RawResponse r = c.read();
            assertThat(r.bodyText()).isEqualTo("not read");
            assertThat(r.closes()).as("a body all here is dropped and the connection kept").isFalse();
            c.send("POST /inline-ignore HTTP/1.1\r\nHost: t\r\nContent-Length: 50000000\r\n\r\nhello");
            assertThat(c.read().closes()).as("a body still on its way closes the connection").isTrue();
        }
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /inline-stream HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
            assertThat(c.read().status()).as("reading as a stream on the loop fails instead of blocking it").isEqualTo(500);
        }
    }

    @Test
    void aStreamingRouteThatOverrunsItsTimeoutIsAnswered503AndTheConnectionCloses() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            // Half the body, then nothing: the handler waits for the rest past its 300 ms.
            c.send(concat("POST /timed HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n", pattern(500)));
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.closes()).as("where the body ends is unknown").isTrue();
        }
        try (RawConnection c = new RawConnection(server.port())) {
            byte[] body = pattern(2000);
            c.send(concat("POST /timed HTTP/1.1\r\nHost: t\r\nContent-Length: 2000\r\n\r\n", body));
            assertThat(c.read().bodyText()).as("in time").isEqualTo(expected(body, true));
        }
    }

    @Test
    void aServerPolicyStreamsWithoutARouter() throws Exception {
        server = TestServers.start(RequestHandler.blocking(StreamedRequestBodyTest::digest),
                b -> b.requestBodyStreaming(RequestBodyStreaming.ALWAYS));
        byte[] body = pattern(100_000);
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(concat("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n", body));
            assertThat(c.read().bodyText()).isEqualTo(expected(body, true));
        }
    }
}
