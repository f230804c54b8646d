package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.CapturingLogger;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handlers that block (on a virtual thread, or wrongly on the loop) and bodies streamed after the
 * handler returns. Most tests use a single event loop, so that anything holding it would show.
 */
class BlockingAndStreamingTest {

    private static final int BLOCKED = 100;

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch manyEntered = new CountDownLatch(BLOCKED);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean writerFinished = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<IOException> writerFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final CapturingLogger log = new CapturingLogger();
    private Server server;

    private final RequestHandler parked = RequestHandler.blocking(ctx -> {
        entered.countDown();
        manyEntered.countDown();
        if (!release.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
        }
        ctx.success("text/plain", "unblocked on virtual=" + Thread.currentThread().isVirtual());
    });

    private final RequestHandler stallsTheLoop = ctx -> {
        entered.countDown();
        if (!release.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
        }
        ctx.success("text/plain", "stalled and released");
    };

    private void route(RequestCtx ctx) throws Exception {
        switch (ctx.path().toString()) {
            case "/block" -> parked.handle(ctx);
            case "/chain" -> {
                List<String> steps = new ArrayList<>();
                steps.add("loop virtual=" + Thread.currentThread().isVirtual());
                ctx.setUserValue("steps", steps);
                ctx.runBlocking(c1 -> {
                    @SuppressWarnings("unchecked")
                    List<String> s = (List<String>) c1.userValue("steps");
                    s.add("second virtual=" + Thread.currentThread().isVirtual());
                    c1.runBlocking(c2 -> {
                        s.add("third virtual=" + Thread.currentThread().isVirtual());
                        c2.success("text/plain", String.join(", ", s) + " body=" + c2.body());
                    });
                });
            }
            case "/stream-gated" -> {
                ctx.setStatusCode(201);
                ctx.response().headers().set("X-Streamed", "yes");
                ctx.setBodyStreamWriter(out -> {
                    out.write("chunk-1".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    try {
                        if (!release.await(20, TimeUnit.SECONDS)) {
                            throw new IOException("never released");
                        }
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    out.write("chunk-2".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    out.write("tail".getBytes(StandardCharsets.US_ASCII)); // flushed by returning
                    writerFinished.set(true);
                });
            }
            case "/stream" -> ctx.setBodyStreamWriter(out -> {
                for (int i = 1; i <= 5; i++) {
                    out.write(("part" + i + ";").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            });
            case "/stream-big" -> ctx.setBodyStreamWriter(out -> {
                byte[] piece = new byte[10_000];
                for (int i = 0; i < 400; i++) {
                    java.util.Arrays.fill(piece, (byte) i);
                    out.write(piece);
                }
            });
            case "/stream-forever" -> ctx.setBodyStreamWriter(out -> {
                try {
                    while (true) {
                        out.write(new byte[1000]);
                        out.flush();
                    }
                } catch (IOException e) {
                    writerFailure.set(e);
                    throw e;
                }
            });
            case "/stream-fail" -> ctx.setBodyStreamWriter(out -> {
                out.write("partial".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                throw new IllegalStateException("writer failure");
            });
            default -> ctx.success("text/plain", "fast " + ctx.path());
        }
    }

    private void start(Consumer<Server.Builder> settings) {
        start(this::route, settings);
    }

    private void start(RequestHandler handler, Consumer<Server.Builder> settings) {
        server = TestServers.start(handler, b -> {
            b.eventLoops(1).logger(log);
            settings.accept(b);
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    private static boolean awaitLatch(CountDownLatch latch) throws InterruptedException {
        return latch.await(10, TimeUnit.SECONDS);
    }

    // ---- blocking handlers -------------------------------------------------------------------

    @Test
    void parkedBlockingHandlerDoesNotStopOtherConnections() throws Exception {
        start(b -> b.stallWarningThreshold(Duration.ofMillis(500)));
        try (RawConnection blocked = new RawConnection(server.port());
             RawConnection other = new RawConnection(server.port())) {
            blocked.send("GET /block HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(awaitLatch(entered)).isTrue();

            for (int i = 0; i < 5; i++) {
                assertThat(other.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("fast /fast");
            }
            assertThat(blocked.input().available()).isZero();
            // parked on a virtual thread, the handler holds no loop: nothing to warn about
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(10)).until(() -> stallWarnings() == 0);

            release.countDown();
            RawResponse r = blocked.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("unblocked on virtual=true");
            // the blocked connection is kept alive like any other
            assertThat(blocked.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("fast /fast");
        }
    }

    @Test
    void clientGoneWhileItsHandlerIsParkedIsCleanedUp() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /block HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(awaitLatch(entered)).isTrue();
        }
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
        try (RawConnection c = new RawConnection(server.port())) {
            assertThat(c.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void aHundredParkedHandlersOnOneLoop() throws Exception {
        start(b -> { });
        List<RawConnection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < BLOCKED; i++) {
                RawConnection c = new RawConnection(server.port());
                connections.add(c);
                c.send("GET /block HTTP/1.1\r\nHost: t\r\n\r\n");
            }
            assertThat(manyEntered.await(20, TimeUnit.SECONDS)).isTrue();
            try (RawConnection other = new RawConnection(server.port())) {
                assertThat(other.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
            }
            release.countDown();
            for (RawConnection c : connections) {
                assertThat(c.read().bodyText()).isEqualTo("unblocked on virtual=true");
            }
        } finally {
            for (RawConnection c : connections) {
                c.close();
            }
        }
    }

    @Test
    void runBlockingContinuationsRunInOrderOnAVirtualThread() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            // the pipelined request after it is answered after it, in order
            c.send("POST /chain HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nbody"
                    + "GET /after HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse chained = c.read();
            assertThat(chained.status()).isEqualTo(200);
            assertThat(chained.bodyText())
                    .isEqualTo("loop virtual=false, second virtual=true, third virtual=true body=body");
            assertThat(c.read().bodyText()).isEqualTo("fast /after");
        }
    }

    @Test
    void handlerHoldingTheLoopIsReportedByTheStallWatchdog() throws Exception {
        // the handler the server runs is the one the warning names
        start(RequestHandler.named("latch-waiter", ctx -> {
            if (ctx.path().contentEquals("/stall")) {
                stallsTheLoop.handle(ctx);
            } else {
                route(ctx);
            }
        }), b -> b.stallWarningThreshold(Duration.ofMillis(100)));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /stall HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(awaitLatch(entered)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> stallWarnings() == 1);
            CapturingLogger.Entry warning = log.entries(System.Logger.Level.WARNING).get(0);
            assertThat(warning.message()).contains("latch-waiter", "fasthttp-loop-0");

            release.countDown();
            assertThat(c.read().bodyText()).isEqualTo("stalled and released");
            assertThat(stallWarnings()).as("one warning per stalled invocation").isEqualTo(1);
            assertThat(c.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void aStalledRouteIsNamedByItsTemplateNotByTheWholeRouter() throws Exception {
        Router router = Router.builder()
                .get("/stall/{id}", stallsTheLoop)
                .get("/fast", ctx -> ctx.setBodyString("fast"))
                .build();
        start(router, b -> b.stallWarningThreshold(Duration.ofMillis(100)));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /stall/7 HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(awaitLatch(entered)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> stallWarnings() == 1);
            String warning = log.entries(System.Logger.Level.WARNING).get(0).message();
            assertThat(warning).startsWith("route /stall/{id} has held event loop").doesNotContain("/fast");

            release.countDown();
            assertThat(c.read().bodyText()).isEqualTo("stalled and released");
        }
    }

    private long stallWarnings() {
        return log.count(e -> e.level() == System.Logger.Level.WARNING && e.message().contains("has held event loop"));
    }

    // ---- streamed bodies ---------------------------------------------------------------------

    @Test
    void firstChunkArrivesBeforeTheWriterFinishes() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /stream-gated HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.readHead();
            assertThat(head.status()).isEqualTo(201);
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(head.header("Content-Length")).isNull();
            assertThat(head.header("X-Streamed")).isEqualTo("yes");

            assertThat(new String(c.readChunk(), StandardCharsets.US_ASCII)).isEqualTo("chunk-1");
            assertThat(writerFinished).as("the writer is still waiting").isFalse();
            release.countDown();
            assertThat(new String(c.readChunk(), StandardCharsets.US_ASCII)).isEqualTo("chunk-2");
            assertThat(new String(c.readChunk(), StandardCharsets.US_ASCII)).isEqualTo("tail");
            assertThat(c.readChunk()).isNull();
            assertThat(writerFinished).isTrue();

            // the connection goes on
            assertThat(c.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("fast /fast");
        }
    }

    @Test
    void httpClientReadsTheFirstChunkBeforeTheWriterFinishes() throws Exception {
        start(b -> { });
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/stream-gated")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(201);
            try (InputStream body = r.body()) {
                assertThat(new String(body.readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("chunk-1");
                assertThat(writerFinished).isFalse();
                release.countDown();
                assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("chunk-2tail");
            }
        }
    }

    @Test
    void http10ClientGetsACloseDelimitedBody() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /stream HTTP/1.0\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Transfer-Encoding")).isNull();
            assertThat(r.header("Content-Length")).isNull();
            assertThat(r.closes()).isTrue();
            assertThat(r.bodyText()).isEqualTo("part1;part2;part3;part4;part5;"); // read to the end of the stream
        }
    }

    @Test
    void writerThrowingMidStreamClosesTheConnection() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /stream-fail HTTP/1.1\r\nHost: t\r\n\r\nGET /never HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(new String(c.readChunk(), StandardCharsets.US_ASCII)).isEqualTo("partial");
            // no last chunk: the body ends with the connection, so the client knows it is incomplete
            assertThatThrownBy(c::readChunk).isInstanceOf(IOException.class);
        }
        assertThat(log.count(e -> e.thrown() instanceof IllegalStateException
                && "writer failure".equals(e.thrown().getMessage()))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
    }

    @Test
    void writerSeesAnIOExceptionOnceTheClientHasGone() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /stream-forever HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(c.readHead().status()).isEqualTo(200);
            assertThat(c.readChunk()).hasSize(1000);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> writerFailure.get() != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
    }

    @Test
    void pipelinedRequestsAfterStreamedResponsesAreAnswered() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /one HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /stream HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /stream HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /two HTTP/1.1\r\nHost: t\r\n\r\n");
            List<RawResponse> responses = c.read(5);
            assertThat(responses).extracting(RawResponse::bodyText).containsExactly(
                    "part1;part2;part3;part4;part5;", "fast /one",
                    "part1;part2;part3;part4;part5;", "part1;part2;part3;part4;part5;", "fast /two");
        }
    }

    @Test
    void largeStreamedBodyReadSlowlyIsIntact() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port(), null, 16 * 1024)) {
            c.send("GET /stream-big HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.readHead();
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            byte[] chunk;
            int chunks = 0;
            while ((chunk = c.readChunk()) != null) {
                body.write(chunk);
                if (++chunks % 64 == 0) {
                    Thread.sleep(5); // only to be a slow reader
                }
            }
            byte[] all = body.toByteArray();
            assertThat(all).hasSize(4_000_000);
            for (int i = 0; i < all.length; i++) {
                if (all[i] != (byte) (i / 10_000)) {
                    throw new AssertionError("streamed body differs at byte " + i);
                }
            }
            assertThat(c.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("fast /after");
        }
    }
}
