package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Read, idle and write timeouts, with short settings. Every wait is bounded generously and every
 * timing assertion has a margin of hundreds of milliseconds, for a loaded machine.
 */
class TimeoutsTest {

    private static final Duration SHORT = Duration.ofMillis(600);
    /**
     * Slack on "not before the timeout" assertions. Each is measured from a moment before the
     * server could have started the clock, so none should be needed; it only guards against
     * clock granularity.
     */
    private static final long EARLY_MARGIN_MILLIS = 50;
    private static final int BIG = 16 * 1024 * 1024;

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    private Server server;

    private void start(Consumer<Server.Builder> settings) {
        server = TestServers.start(ctx -> {
            String path = ctx.path().toString();
            switch (path) {
                case "/big" -> ctx.success("application/octet-stream", new byte[BIG]);
                case "/stream-big" -> ctx.setBodyStreamWriter(out -> {
                    byte[] piece = new byte[64 * 1024];
                    try {
                        for (int written = 0; written < BIG; written += piece.length) {
                            out.write(piece);
                            out.flush();
                        }
                    } catch (IOException | RuntimeException e) {
                        writerFailure.set(e);
                        throw e;
                    }
                });
                case "/slow-handler" -> ctx.runBlocking(c -> {
                    release.await();
                    c.success("text/plain", "finally");
                });
                default -> ctx.success("text/plain", "ok " + ctx.connectionRequestNumber());
            }
        }, settings);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    // ---- read timeout ------------------------------------------------------------------------

    @Test
    void halfARequestHeadGets408AndCloseWhileOtherConnectionsAreServed() throws Exception {
        start(b -> b.readTimeout(SHORT));
        try (RawConnection slow = new RawConnection(server.port());
             RawConnection other = new RawConnection(server.port())) {
            long begin = System.nanoTime();
            slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n"); // no blank line: the head never ends

            assertThat(other.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("ok 1");

            RawResponse r = slow.read();
            assertThat(millisSince(begin)).isGreaterThanOrEqualTo(SHORT.toMillis() - EARLY_MARGIN_MILLIS);
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.closes()).isTrue();
            assertThat(slow.closedByServer()).isTrue();

            // the other connection was not disturbed
            assertThat(other.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("ok 2");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().timeouts(TimeoutKind.READ) == 1);
        assertThat(server.stats().timeouts(TimeoutKind.IDLE)).isZero();
        assertThat(server.stats().requests(4)).isEqualTo(1);
    }

    @Test
    void halfARequestBodyGets408() throws Exception {
        start(b -> b.readTimeout(SHORT));
        try (RawConnection c = new RawConnection(server.port())) {
            long begin = System.nanoTime();
            c.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nhalf!");
            RawResponse r = c.read();
            assertThat(millisSince(begin)).isGreaterThanOrEqualTo(SHORT.toMillis() - EARLY_MARGIN_MILLIS);
            assertThat(r.status()).isEqualTo(408);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void readTimeoutCountsFromTheFirstByteNotFromTheLastOne() throws Exception {
        // A slowloris client: a byte every 50 ms keeps the connection busy but the request never ends.
        start(b -> b.readTimeout(SHORT));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /slowloris HTTP/1.1\r\nHost: t\r\nX-Drip: ");
            long begin = System.nanoTime();
            int dripped = 0;
            long dripForMillis = 6 * SHORT.toMillis();
            while (millisSince(begin) < dripForMillis && c.input().available() == 0) {
                try {
                    c.send("x");
                } catch (IOException e) {
                    break;
                }
                dripped++;
                Thread.sleep(50); // pacing of the drip only
            }
            assertThat(millisSince(begin)).as("408 came while the client was still sending").isLessThan(dripForMillis);
            assertThat(dripped).isPositive();
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aSlowHandlerIsNotASlowClient() throws Exception {
        Duration tiny = Duration.ofMillis(300);
        start(b -> b.readTimeout(tiny).idleTimeout(tiny).writeTimeout(tiny));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /slow-handler HTTP/1.1\r\nHost: t\r\n\r\n");
            // three times every timeout pass while the handler works: none of them applies
            await().during(Duration.ofMillis(900)).atMost(Duration.ofSeconds(10))
                    .until(() -> server.stats().connectionsActive() == 1
                            && server.stats().timeouts(TimeoutKind.READ) == 0
                            && server.stats().timeouts(TimeoutKind.IDLE) == 0
                            && server.stats().timeouts(TimeoutKind.WRITE) == 0);
            release.countDown();
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("finally");
            assertThat(r.closes()).isFalse();
        }
    }

    // ---- idle timeout ------------------------------------------------------------------------

    @Test
    void idleKeptAliveConnectionIsClosedQuietly() throws Exception {
        start(b -> b.idleTimeout(SHORT));
        try (RawConnection c = new RawConnection(server.port())) {
            long begin = System.nanoTime(); // the idle clock starts after this, once the response is written
            assertThat(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(c.closedByServer()).as("closed, without a byte sent").isTrue();
            assertThat(millisSince(begin)).isGreaterThanOrEqualTo(SHORT.toMillis() - EARLY_MARGIN_MILLIS);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().timeouts(TimeoutKind.IDLE) == 1);
        assertThat(server.stats().timeouts(TimeoutKind.READ)).isZero();
        assertThat(server.stats().requests(4)).isZero();
        assertThat(server.stats().connectionsActive()).isZero();
    }

    @Test
    void connectionThatNeverSendsAnythingIsClosedAfterTheIdleTimeout() throws Exception {
        start(b -> b.idleTimeout(SHORT));
        long begin = System.nanoTime(); // the idle clock starts after this, once the connection is accepted
        try (RawConnection c = new RawConnection(server.port())) {
            assertThat(c.closedByServer()).isTrue();
            assertThat(millisSince(begin)).isGreaterThanOrEqualTo(SHORT.toMillis() - EARLY_MARGIN_MILLIS);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().timeouts(TimeoutKind.IDLE) == 1);
    }

    @Test
    void eachRequestRestartsTheIdleTimeout() throws Exception {
        Duration idle = Duration.ofMillis(1000);
        start(b -> b.idleTimeout(idle));
        try (RawConnection c = new RawConnection(server.port())) {
            long first = System.nanoTime();
            long lastResponse = first;
            for (int i = 1; i <= 5; i++) {
                if (i > 1) {
                    Thread.sleep(300); // pacing: the gap between requests is what is tested
                    // on a machine so loaded that a gap came near the timeout, the test proves nothing
                    long gap = millisSince(lastResponse);
                    assumeTrue(gap < idle.toMillis() - 300, "gap between requests was " + gap + " ms");
                }
                RawResponse r = c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read();
                lastResponse = System.nanoTime();
                assertThat(r.bodyText()).isEqualTo("ok " + i);
            }
            assertThat(millisSince(first)).isGreaterThan(idle.toMillis()); // lived longer than one idle period
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        assertThat(server.stats().timeouts(TimeoutKind.IDLE)).isZero();
    }

    // ---- write timeout -----------------------------------------------------------------------

    @Test
    void clientThatNeverReadsABigResponseIsCutAfterTheWriteTimeout() throws Exception {
        start(b -> b.writeTimeout(SHORT));
        try (RawConnection stuck = new RawConnection(server.port(), null, 16 * 1024);
             RawConnection other = new RawConnection(server.port())) {
            long begin = System.nanoTime();
            stuck.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(other.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().timeouts(TimeoutKind.WRITE) == 1);
            assertThat(millisSince(begin)).isGreaterThanOrEqualTo(SHORT.toMillis() - EARLY_MARGIN_MILLIS);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 1);

            long received = drain(stuck.input());
            assertThat(received).as("bytes received before the cut").isLessThan(BIG);
            assertThat(other.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void streamedResponseToAClientThatNeverReadsIsCutAfterTheWriteTimeout() throws Exception {
        start(b -> b.writeTimeout(SHORT));
        try (RawConnection stuck = new RawConnection(server.port(), null, 16 * 1024)) {
            long begin = System.nanoTime();
            stuck.send("GET /stream-big HTTP/1.1\r\nHost: t\r\n\r\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> writerFailure.get() != null);
            assertThat(millisSince(begin)).isGreaterThanOrEqualTo(SHORT.toMillis() - EARLY_MARGIN_MILLIS);
            assertThat(writerFailure.get()).isInstanceOf(IOException.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
            assertThat(drain(stuck.input())).isLessThan(BIG);
        }
    }

    @Test
    void streamedResponseCutByTheWriteTimeoutIsCounted() throws Exception {
        start(b -> b.writeTimeout(SHORT));
        try (RawConnection stuck = new RawConnection(server.port(), null, 16 * 1024)) {
            stuck.send("GET /stream-big HTTP/1.1\r\nHost: t\r\n\r\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> writerFailure.get() != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
            assertThat(server.stats().timeouts(TimeoutKind.WRITE)).isEqualTo(1);
        }
    }

    /** Reads until end of stream or reset; returns how many bytes came. */
    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (SocketException e) {
            // reset: the server closed with data unread
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; got " + total + " bytes", e);
        }
        return total;
    }
}
