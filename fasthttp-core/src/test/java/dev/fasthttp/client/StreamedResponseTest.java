package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streamed response bodies ({@link ClientRequest#setStreamResponseBody}, {@link
 * ClientResponse#bodyStream()}) against this project's server and a canned one: each framing, the
 * memory they take, the body size limit, and what becomes of the connection when a body is left
 * unread.
 */
class StreamedResponseTest {

    private static final int MIB = 1024 * 1024;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void closeAll() throws Exception {
        release.countDown();
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private Server server() {
        Router router = Router.builder()
                .get("/length/{n}", ctx -> {
                    long n = Long.parseLong(ctx.pathParam("n").toString());
                    ctx.setBodyStream(new PatternStream(n), n);
                })
                .get("/chunked/{n}", ctx -> ctx.setBodyStream(new PatternStream(Long.parseLong(ctx.pathParam("n").toString())), -1))
                .get("/hello", ctx -> ctx.success("text/plain", "hello"))
                .get("/nocontent", ctx -> ctx.setStatusCode(204))
                .get("/redirect", ctx -> ctx.redirect("/length/1000", 302))
                .route(Route.get("/stall", ctx -> ctx.setBodyStreamWriter(out -> {
                    out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })).blocking())
                .build();
        Server s = TestServers.start(router, b -> b.logger(TestServers.QUIET));
        toClose.add(() -> s.shutdown(Duration.ofSeconds(5)));
        return s;
    }

    private HostClient client(int port, Consumer<HostClient.Builder> settings) {
        HostClient.Builder b = HostClient.builder("127.0.0.1:" + port);
        settings.accept(b);
        HostClient c = b.build();
        toClose.add(c);
        return c;
    }

    private static ClientRequest streamed(String uri) {
        return new ClientRequest().setRequestUri(uri).setStreamResponseBody(true);
    }

    /** Reads the stream to its end with a fixed buffer, checking every byte against the pattern; the count read. */
    private static long readPattern(InputStream in, byte[] buf) throws IOException {
        long pos = 0;
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] != PatternStream.at(pos + i)) {
                    throw new AssertionError("byte " + (pos + i) + " differs");
                }
            }
            pos += n;
        }
        return pos;
    }

    @ParameterizedTest
    @ValueSource(strings = {"length", "chunked"})
    void aLargeBodyIsReadInBoundedMemory(String framing) throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> b.maxResponseBodySize(128L * MIB));
        long size = 64L * MIB;
        ClientResponse resp = new ClientResponse();
        byte[] buf = new byte[16 * 1024];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(self);

        client.doRequest(streamed("/" + framing + "/" + size), resp);
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.isBodyStreamed()).isTrue();
        long read;
        try (InputStream body = resp.bodyStream()) {
            read = readPattern(body, buf);
        }

        long allocated = threads.getThreadAllocatedBytes(self) - before;
        System.out.printf("streamed %s body of %d bytes: %d bytes allocated on the calling thread, response buffer %d bytes%n",
                framing, size, allocated, resp.buffer.capacity());
        assertThat(read).isEqualTo(size);
        assertThat(allocated).as("allocated while streaming %d bytes", size).isLessThan(2L * MIB);
        assertThat(resp.buffer.capacity()).as("the response's buffer").isLessThan(64 * 1024);
        assertThat(resp.header(framing.equals("length") ? "Content-Length" : "Transfer-Encoding")).isNotNull();
        assertThat(client.idleConnections()).as("read to its end: the connection is back").isEqualTo(1);
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void aBodyUntilCloseIsStreamedAndItsConnectionNotReused() throws Exception {
        String body = "x".repeat(200_000);
        try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body, true)) {
            HostClient client = client(canned.port(), b -> { });
            ClientResponse resp = new ClientResponse();
            for (int i = 0; i < 2; i++) {
                client.doRequest(streamed("/"), resp);
                try (InputStream in = resp.bodyStream()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(body);
                }
                assertThat(client.openConnections()).isZero();
            }
            assertThat(canned.connections()).isEqualTo(2);
        }
    }

    @Test
    void theBodySizeLimitHoldsWhileStreaming() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> b.maxResponseBodySize(MIB));
        ClientResponse resp = new ClientResponse();

        client.doRequest(streamed("/chunked/" + 4 * MIB), resp);
        byte[] buf = new byte[8192];
        long[] read = {0};
        InputStream body = resp.bodyStream();
        assertThatThrownBy(() -> {
            int n;
            while ((n = body.read(buf)) >= 0) {
                read[0] += n;
            }
        }).isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.BODY_TOO_LARGE))
                .hasMessageContaining("maxResponseBodySize (1048576 bytes)");
        assertThat(read[0]).as("nothing past the limit is handed out").isLessThanOrEqualTo(MIB);
        assertThatThrownBy(body::read).isInstanceOf(IOException.class);
        body.close();
        assertThat(client.openConnections()).as("the connection is closed").isZero();

        assertThatThrownBy(() -> client.doRequest(streamed("/length/" + 4 * MIB), resp))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.BODY_TOO_LARGE))
                .hasMessageContaining("1048576");
        assertThat(client.openConnections()).isZero();

        client.doRequest(streamed("/length/" + MIB), resp);
        try (InputStream in = resp.bodyStream()) {
            assertThat(readPattern(in, buf)).as("a body of exactly the limit").isEqualTo(MIB);
        }
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
    }

    @Test
    void theBodySizeLimitHoldsForABodyUntilClose() throws Exception {
        try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\n\r\n" + "y".repeat(300_000), true)) {
            HostClient client = client(canned.port(), b -> b.maxResponseBodySize(100_000));
            ClientResponse resp = new ClientResponse();
            client.doRequest(streamed("/"), resp);
            InputStream body = resp.bodyStream();
            byte[] buf = new byte[1000];
            long[] read = {0};
            assertThatThrownBy(() -> {
                int n;
                while ((n = body.read(buf)) >= 0) {
                    read[0] += n;
                }
            }).isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.BODY_TOO_LARGE))
                    .hasMessageContaining("100000");
            assertThat(read[0]).isLessThanOrEqualTo(100_000);
            assertThat(client.openConnections()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"length", "chunked"})
    void closingEarlyDrainsASmallRestAndKeepsTheConnection(String framing) throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> { });
        ClientResponse resp = new ClientResponse();
        client.doRequest(streamed("/" + framing + "/40000"), resp);
        InputStream body = resp.bodyStream();
        assertThat(body.read(new byte[100])).isPositive();
        body.close();
        assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThat(client.idleConnections()).as("drained and pooled").isEqualTo(1);

        client.doRequest(new ClientRequest().setRequestUri("/length/5000"), resp); // buffered, on the same connection
        assertThat(resp.body().length()).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(resp.body().byteAt(i)).isEqualTo(PatternStream.at(i));
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"length", "chunked"})
    void closingEarlyWithALargeRestClosesTheConnection(String framing) throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> { });
        ClientResponse resp = new ClientResponse();
        client.doRequest(streamed("/" + framing + "/" + 16 * MIB), resp);
        try (InputStream body = resp.bodyStream()) {
            assertThat(body.read(new byte[100])).isPositive();
        }
        assertThat(client.openConnections()).as("closed, not drained").isZero();

        client.doRequest(streamed("/" + framing + "/3000"), resp);
        try (InputStream body = resp.bodyStream()) {
            assertThat(readPattern(body, new byte[512])).isEqualTo(3000);
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void aStreamDroppedUnclosedHasItsConnectionClosed() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> { });
        startAndDrop(client);
        assertThat(client.openConnections()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return client.openConnections() == 0;
        });
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
    }

    /** Starts reading a large body, then forgets the response and its stream. */
    private static void startAndDrop(HostClient client) throws IOException {
        ClientResponse resp = new ClientResponse();
        client.doRequest(streamed("/length/" + 16 * MIB), resp);
        assertThat(resp.bodyStream().read()).isNotNegative();
    }

    @Test
    void aLimitBeyondWhatAnArrayHoldsIsForStreams() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> b.maxResponseBodySize(Long.MAX_VALUE));
        assertThat(client.settings().maxResponseBodySize()).isEqualTo(Long.MAX_VALUE);
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/length/5000"), resp);
        assertThat(resp.body().length()).as("buffered, within an array's size").isEqualTo(5000);
        client.doRequest(streamed("/chunked/300000"), resp);
        try (InputStream in = resp.bodyStream()) {
            assertThat(readPattern(in, new byte[100_000])).isEqualTo(300_000);
        }
    }

    @Test
    void aDrainLimitOfZeroClosesWheneverABodyIsLeftUnread() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> b.maxResponseDrainSize(0));
        ClientResponse resp = new ClientResponse();
        client.doRequest(streamed("/length/" + MIB), resp);
        resp.bodyStream().read();
        resp.bodyStream().close();
        assertThat(client.openConnections()).isZero();
    }

    @Test
    void reusingTheResponseClosesTheStreamLeftOpen() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> b.maxConnections(1));
        ClientResponse resp = new ClientResponse();
        client.doRequest(streamed("/length/" + 16 * MIB), resp);
        InputStream abandoned = resp.bodyStream();
        assertThat(abandoned.read(new byte[10])).isPositive();
        // The only connection is held by the stream: the next call gives it up first, or it would find none free.
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThatThrownBy(abandoned::read).isInstanceOf(IOException.class);

        client.doRequest(streamed("/length/10"), resp);
        resp.reset();
        assertThat(client.idleConnections()).isEqualTo(1);
    }

    @Test
    void bodilessResponsesGiveTheConnectionBackAtOnce() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> { });
        ClientResponse resp = new ClientResponse();
        client.doRequest(streamed("/nocontent"), resp);
        assertThat(resp.statusCode()).isEqualTo(204);
        assertThat(client.idleConnections()).isEqualTo(1);
        assertThat(resp.bodyStream().read()).isEqualTo(-1);

        client.doRequest(streamed("/length/1000").setMethod("HEAD"), resp);
        assertThat(resp.contentLength()).isEqualTo(1000);
        assertThat(client.idleConnections()).isEqualTo(1);
        assertThat(resp.bodyStream().read()).isEqualTo(-1);
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void theClientSettingIsTheDefaultAndARequestMayOverrideIt() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> b.streamResponseBody(true));
        ClientResponse resp = new ClientResponse();
        ClientRequest req = new ClientRequest().setRequestUri("/hello");
        client.doRequest(req, resp);
        assertThat(resp.isBodyStreamed()).isTrue();
        assertThat(client.idleConnections()).as("the whole body came with the head: the connection is free").isEqualTo(1);
        assertThatThrownBy(resp::body).isInstanceOf(IllegalStateException.class).hasMessageContaining("bodyStream()");
        try (InputStream in = resp.bodyStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
        client.doRequest(req.setStreamResponseBody(false), resp);
        assertThat(resp.isBodyStreamed()).isFalse();
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThat(new String(resp.bodyStream().readAllBytes(), StandardCharsets.US_ASCII)).as("a stream over a buffered body").isEqualTo("hello");
        req.reset().setRequestUri("/hello");
        client.doRequest(req, resp);
        assertThat(resp.isBodyStreamed()).as("reset: the client's setting again").isTrue();
        resp.reset();
    }

    @Test
    void aBodyCutShortFailsTheReadAndClosesTheConnection() throws Exception {
        try (CannedServer canned = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n0123456789", true)) {
            HostClient client = client(canned.port(), b -> { });
            ClientResponse resp = new ClientResponse();
            client.doRequest(streamed("/"), resp);
            InputStream body = resp.bodyStream();
            assertThat(body.read(new byte[10])).isEqualTo(10);
            assertThatThrownBy(() -> body.read(new byte[10])).isInstanceOf(IOException.class).hasMessageContaining("short of the body");
            assertThat(client.openConnections()).isZero();
            body.close();
        }
    }

    @Test
    void eachReadHasTheReadTimeout() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> b.readTimeout(Duration.ofSeconds(2)));
        ClientResponse resp = new ClientResponse();
        client.doRequest(streamed("/stall"), resp);
        InputStream body = resp.bodyStream();
        byte[] ten = new byte[10];
        assertThat(body.readNBytes(ten, 0, 10)).isEqualTo(10);
        assertThatThrownBy(body::read)
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.TIMEOUT));
        assertThat(client.openConnections()).isZero();
    }

    @Test
    void closingWhileTheRestStallsGivesUpAfterTheReadTimeout() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> b.readTimeout(Duration.ofSeconds(2)));
        ClientResponse resp = new ClientResponse();
        client.doRequest(streamed("/stall"), resp);
        InputStream body = resp.bodyStream();
        assertThat(body.read()).isEqualTo('0');
        long start = System.nanoTime();
        body.close(); // the rest is small but does not come: the drain waits the read timeout at most
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(client.openConnections()).isZero();
    }

    @Test
    void redirectsAreFollowedWithTheRedirectBodyDrained() throws Exception {
        Server server = server();
        HostClient client = client(server.port(), b -> { });
        ClientResponse resp = new ClientResponse();
        client.doRedirects(streamed("/redirect"), resp, 3);
        try (InputStream in = resp.bodyStream()) {
            assertThat(readPattern(in, new byte[256])).isEqualTo(1000);
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void aPipelineClientRefusesToStream() throws Exception {
        Server server = server();
        assertThatThrownBy(() -> PipelineClient.builder("127.0.0.1:" + server.port()).streamResponseBody(true).build())
                .isInstanceOf(IllegalArgumentException.class);
        try (PipelineClient client = PipelineClient.builder("127.0.0.1:" + server.port()).build()) {
            ClientResponse resp = new ClientResponse();
            assertThatThrownBy(() -> client.doRequest(streamed("/hello"), resp)).isInstanceOf(IllegalArgumentException.class);
            ClientRequest upload = new ClientRequest().setMethod("POST").setRequestUri("/hello").setBodyStream(new PatternStream(10), 10);
            assertThatThrownBy(() -> client.doRequest(upload, resp)).isInstanceOf(IllegalArgumentException.class);
            client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
            assertThat(resp.bodyString()).isEqualTo("hello");
        }
    }
}
