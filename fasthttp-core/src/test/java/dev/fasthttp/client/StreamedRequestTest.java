package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streamed request bodies ({@link ClientRequest#setBodyStream}): what the server got, checked by
 * its SHA-256, the memory the upload takes, and what becomes of a stream and its connection when
 * sending fails.
 */
class StreamedRequestTest {

    private static final int MIB = 1024 * 1024;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private Server server() {
        Router router = Router.builder()
                .post("/sha", ctx -> {
                    MessageDigest md = PatternStream.sha256();
                    md.update(ctx.body().array(), ctx.body().offset(), ctx.body().length());
                    ctx.setBodyString("length=" + ctx.headers().contentLength() + " chunked=" + ctx.headers().isChunked()
                            + " got=" + ctx.body().length() + " sha=" + HexFormat.of().formatHex(md.digest()));
                })
                .get("/hello", ctx -> ctx.success("text/plain", "hello"))
                .post("/temporary", ctx -> ctx.redirect("/sha", 307))
                .post("/see-other", ctx -> ctx.redirect("/hello", 303))
                .build();
        Server s = TestServers.start(router, b -> b.logger(TestServers.QUIET).maxRequestBodySize(64 * MIB));
        toClose.add(() -> s.shutdown(Duration.ofSeconds(5)));
        return s;
    }

    private HostClient client(int port) {
        HostClient c = HostClient.builder("127.0.0.1:" + port).build();
        toClose.add(c);
        return c;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLargeBodyGoesOutWhole(boolean sizeKnown) throws Exception {
        Server server = server();
        HostClient client = client(server.port());
        long size = 32L * MIB;
        PatternStream body = new PatternStream(size);
        ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri("/sha").setBodyStream(body, sizeKnown ? size : -1);
        ClientResponse resp = new ClientResponse();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(self);

        client.doRequest(req, resp);

        long allocated = threads.getThreadAllocatedBytes(self) - before;
        System.out.printf("streamed request body of %d bytes (%s): %d bytes allocated on the calling thread%n",
                size, sizeKnown ? "Content-Length" : "chunked", allocated);
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.bodyString()).isEqualTo("length=" + (sizeKnown ? size : -1) + " chunked=" + !sizeKnown
                + " got=" + size + " sha=" + PatternStream.sha256(size));
        assertThat(allocated).as("allocated while sending %d bytes", size).isLessThan(2L * MIB);
        assertThat(body.closes).as("closed once sent").isEqualTo(1);
        assertThat(req.hasBodyStream()).as("sent: forgotten").isFalse();
        assertThat(client.idleConnections()).isEqualTo(1);
    }

    @Test
    void emptyStreamsAndTinyReads() throws Exception {
        Server server = server();
        HostClient client = client(server.port());
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/sha").setBodyStream(new PatternStream(0), -1), resp);
        assertThat(resp.bodyString()).isEqualTo("length=-1 chunked=true got=0 sha=" + PatternStream.sha256(0));
        client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/sha").setBodyStream(new PatternStream(0), 0), resp);
        assertThat(resp.bodyString()).isEqualTo("length=0 chunked=false got=0 sha=" + PatternStream.sha256(0));
        InputStream byteByByte = new PatternStream(5000) {
            @Override
            public int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7)); // many small chunks
            }
        };
        client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/sha").setBodyStream(byteByByte, -1), resp);
        assertThat(resp.bodyString()).isEqualTo("length=-1 chunked=true got=5000 sha=" + PatternStream.sha256(5000));
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void aStreamShorterThanItsSizeFailsTheCallAndItsConnection() throws Exception {
        Server server = server();
        HostClient client = client(server.port());
        PatternStream body = new PatternStream(1000);
        ClientResponse resp = new ClientResponse();
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/sha").setBodyStream(body, 2000), resp))
                .isInstanceOf(IOException.class).hasMessageContaining("1000 bytes short of its size (2000 bytes)");
        assertThat(body.closes).isEqualTo(1);
        assertThat(client.openConnections()).as("a partial body on it: closed").isZero();
        assertHelloWorks(client);
    }

    @Test
    void aFailingStreamFailsTheCallAndItsConnection() throws Exception {
        Server server = server();
        HostClient client = client(server.port());
        ClientResponse resp = new ClientResponse();
        FailingStream ioFailure = new FailingStream(() -> new IOException("disk gone"));
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setMethod("PUT").setRequestUri("/sha").setBodyStream(ioFailure, -1), resp))
                .isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(ioFailure.closes).isEqualTo(1);
        assertThat(client.openConnections()).isZero();

        FailingStream bug = new FailingStream(() -> new IllegalStateException("bug"));
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/sha").setBodyStream(bug, 1_000_000), resp))
                .isInstanceOf(IllegalStateException.class);
        assertThat(bug.closes).isEqualTo(1);
        assertThat(client.openConnections()).isZero();
        assertHelloWorks(client);
    }

    @Test
    void aStreamedBodyIsNotRetried() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket hangUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> { // reads a request head, then closes without answering
                while (true) {
                    try (Socket s = hangUp.accept()) {
                        accepted.incrementAndGet();
                        InputStream in = s.getInputStream();
                        int matched = 0;
                        for (int b; matched < 4 && (b = in.read()) != -1; ) {
                            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            HostClient client = client(hangUp.getLocalPort());
            ClientResponse resp = new ClientResponse();
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setMethod("PUT").setRequestUri("/x").setBody(new byte[10]), resp))
                    .isInstanceOf(IOException.class);
            assertThat(accepted.get()).as("an idempotent PUT from memory is tried maxAttempts times").isEqualTo(5);
            PatternStream body = new PatternStream(10);
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setMethod("PUT").setRequestUri("/x").setBodyStream(body, 10), resp))
                    .isInstanceOf(IOException.class);
            assertThat(accepted.get()).as("one more: a stream read once cannot go again").isEqualTo(6);
            assertThat(body.closes).isEqualTo(1);
        }
    }

    @Test
    void aRedirectThatWouldSendTheStreamAgainIsNotFollowed() throws Exception {
        Server server = server();
        HostClient client = client(server.port());
        ClientResponse resp = new ClientResponse();
        client.doRedirects(new ClientRequest().setMethod("POST").setRequestUri("/temporary").setBodyStream(new PatternStream(100), 100), resp, 5);
        assertThat(resp.statusCode()).isEqualTo(307);
        client.doRedirects(new ClientRequest().setMethod("POST").setRequestUri("/see-other").setBodyStream(new PatternStream(100), -1), resp, 5);
        assertThat(resp.statusCode()).as("303: followed as a GET without the body").isEqualTo(200);
        assertThat(resp.bodyString()).isEqualTo("hello");
    }

    @Test
    void aStreamReplacedOrResetIsClosed() {
        PatternStream first = new PatternStream(10);
        PatternStream second = new PatternStream(10);
        ClientRequest req = new ClientRequest().setBodyStream(first, 10);
        assertThat(req.hasBodyStream()).isTrue();
        req.setBodyString("text");
        assertThat(first.closes).isEqualTo(1);
        assertThat(req.hasBodyStream()).isFalse();
        req.setBodyStream(second, -1).reset();
        assertThat(second.closes).isEqualTo(1);
        assertThatThrownBy(() -> req.setBodyStream(second, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertHelloWorks(HostClient client) throws IOException {
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
    }

    /** 64 KiB of pattern, then a failure. */
    private static final class FailingStream extends InputStream {
        private final Supplier<? extends Exception> failure;
        private final PatternStream pattern = new PatternStream(Long.MAX_VALUE);
        private long read;
        int closes;

        FailingStream(Supplier<? extends Exception> failure) {
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= 64 * 1024) {
                Exception e = failure.get();
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw (IOException) e;
            }
            int n = pattern.read(b, off, len);
            read += n;
            return n;
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
