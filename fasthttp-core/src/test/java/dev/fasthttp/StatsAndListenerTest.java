package dev.fasthttp;

import static dev.fasthttp.ConnectionState.ACTIVE;
import static dev.fasthttp.ConnectionState.CLOSED;
import static dev.fasthttp.ConnectionState.IDLE;
import static dev.fasthttp.ConnectionState.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.testing.CapturingLogger;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection state listener's sequence of states, and server counters moving by exact amounts. */
class StatsAndListenerTest {

    /** States seen, per connection id, in order. */
    private final Map<Long, List<ConnectionState>> states = new ConcurrentHashMap<>();
    private final List<String> listenerThreads = new CopyOnWriteArrayList<>();
    private final CapturingLogger log = new CapturingLogger();
    private Server server;

    private static void route(RequestCtx ctx) {
        switch (ctx.path().toString()) {
            case "/missing" -> ctx.notFound();
            case "/throw" -> throw new IllegalStateException("handler failure");
            case "/moved" -> ctx.redirect("/elsewhere", 302);
            default -> ctx.success("text/plain", String.valueOf(ctx.connectionId()));
        }
    }

    private void start(Consumer<Server.Builder> settings) {
        server = TestServers.start(StatsAndListenerTest::route, b -> {
            b.logger(log).connectionStateListener((connection, state) -> {
                states.computeIfAbsent(connection.id(), id -> new CopyOnWriteArrayList<>()).add(state);
                listenerThreads.add(Thread.currentThread().getName());
            });
            settings.accept(b);
        });
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    private List<ConnectionState> statesOf(long id) {
        return states.getOrDefault(id, List.of());
    }

    private long onlyConnectionId() {
        await().atMost(Duration.ofSeconds(10)).until(() -> states.size() == 1);
        return states.keySet().iterator().next();
    }

    // ---- listener ----------------------------------------------------------------------------

    @Test
    void keptAliveConnectionGoesThroughNewActiveIdleAndClosed() throws Exception {
        start(b -> { });
        long id;
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse first = c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read();
            id = Long.parseLong(first.bodyText());
            assertThat(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> statesOf(id).size() == 5);
            assertThat(statesOf(id)).containsExactly(NEW, ACTIVE, IDLE, ACTIVE, IDLE);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> statesOf(id).contains(CLOSED));
        assertThat(statesOf(id)).containsExactly(NEW, ACTIVE, IDLE, ACTIVE, IDLE, CLOSED);
        assertThat(states).containsOnlyKeys(id);
        assertThat(listenerThreads).allMatch(name -> name.startsWith("fasthttp-loop-"));
    }

    @Test
    void connectionClosedAfterItsRequestSkipsIdle() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
            assertThat(c.closedByServer()).isTrue();
        }
        long id = onlyConnectionId();
        await().atMost(Duration.ofSeconds(10)).until(() -> statesOf(id).contains(CLOSED));
        assertThat(statesOf(id)).containsExactly(NEW, ACTIVE, CLOSED);
    }

    @Test
    void connectionClosedByTheIdleTimeoutReportsClosedOnce() throws Exception {
        start(b -> b.idleTimeout(Duration.ofMillis(500)));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(c.closedByServer()).isTrue();
        }
        long id = onlyConnectionId();
        await().atMost(Duration.ofSeconds(10)).until(() -> statesOf(id).contains(CLOSED));
        assertThat(statesOf(id)).containsExactly(NEW, ACTIVE, IDLE, CLOSED);
    }

    @Test
    void pipelinedRequestsAreEachActive() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n".repeat(3));
            c.read(3);
        }
        long id = onlyConnectionId();
        await().atMost(Duration.ofSeconds(10)).until(() -> statesOf(id).contains(CLOSED));
        List<ConnectionState> seen = statesOf(id);
        assertThat(seen.get(0)).isEqualTo(NEW);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(CLOSED);
        assertThat(seen.stream().filter(s -> s == ACTIVE).count()).isEqualTo(3);
        assertThat(seen.stream().filter(s -> s == CLOSED).count()).isEqualTo(1);
    }

    @Test
    void failingListenerIsLoggedAndDoesNotBreakTheConnection() throws Exception {
        server = TestServers.start(StatsAndListenerTest::route, b -> b.logger(log)
                .connectionStateListener((connection, state) -> {
                    throw new IllegalStateException("listener failure in " + state);
                }));
        try (RawConnection c = new RawConnection(server.port())) {
            assertThat(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> log.count(e -> e.thrown() != null
                && "listener failure in CLOSED".equals(e.thrown().getMessage())) == 1);
        assertThat(log.count(e -> e.thrown() instanceof IllegalStateException)).isEqualTo(6);
    }

    // ---- stats -------------------------------------------------------------------------------

    @Test
    void countersMoveByExactlyWhatHappened() throws Exception {
        start(b -> { });
        ServerStats stats = server.stats();
        long bytesSent = 0;
        long bytesReceived = 0;

        try (RawConnection c = new RawConnection(server.port())) {
            String[] requests = {
                "GET /a HTTP/1.1\r\nHost: t\r\n\r\n",
                "POST /b HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello",
                "GET /missing HTTP/1.1\r\nHost: t\r\n\r\n",
                "GET /throw HTTP/1.1\r\nHost: t\r\n\r\n",
                "GET /moved HTTP/1.1\r\nHost: t\r\n\r\n",
            };
            for (String request : requests) {
                c.send(request);
                bytesSent += request.length();
                bytesReceived += c.read().wireLength();
            }
            assertThat(stats.connectionsAccepted()).isEqualTo(1);
            assertThat(stats.connectionsActive()).isEqualTo(1);

            try (RawConnection bad = new RawConnection(server.port())) {
                String noHost = "GET / HTTP/1.1\r\n\r\n";
                bad.send(noHost);
                bytesSent += noHost.length();
                RawResponse refused = bad.read();
                assertThat(refused.status()).isEqualTo(400);
                bytesReceived += refused.wireLength();
                assertThat(bad.closedByServer()).isTrue();
            }
            assertThat(stats.connectionsAccepted()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.connectionsActive() == 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stats.connectionsActive() == 0);

        long read = bytesSent;
        long written = bytesReceived;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(stats.bytesRead()).isEqualTo(read);
            assertThat(stats.bytesWritten()).isEqualTo(written);
        });
        assertThat(stats.requests()).isEqualTo(6);
        assertThat(stats.requests(1)).isZero();
        assertThat(stats.requests(2)).isEqualTo(2);
        assertThat(stats.requests(3)).isEqualTo(1);
        assertThat(stats.requests(4)).isEqualTo(2);
        assertThat(stats.requests(5)).isEqualTo(1);
        assertThat(stats.handlerErrors()).isEqualTo(1);
        assertThat(stats.protocolErrors()).isEqualTo(1);
        assertThat(stats.protocolErrors(ProtocolError.MISSING_HOST)).isEqualTo(1);
        assertThat(stats.connectionsRejected()).isZero();
        for (TimeoutKind kind : TimeoutKind.values()) {
            assertThat(stats.timeouts(kind)).isZero();
        }
    }

    @Test
    void activeConnectionsGaugeFollowsOpensAndCloses() throws Exception {
        start(b -> { });
        ServerStats stats = server.stats();
        RawConnection a = new RawConnection(server.port());
        RawConnection b = new RawConnection(server.port());
        RawConnection c = new RawConnection(server.port());
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.connectionsActive() == 3);
            assertThat(stats.connectionsAccepted()).isEqualTo(3);
            a.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.connectionsActive() == 2);
            b.close();
            c.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.connectionsActive() == 0);
            assertThat(stats.connectionsAccepted()).isEqualTo(3);
            assertThat(stats.requests()).isZero();
        } finally {
            a.close();
            b.close();
            c.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> states.size() == 3
                && states.values().stream().allMatch(s -> s.equals(List.of(NEW, CLOSED))));
    }

    @Test
    void statsAreStillReadableAfterShutdown() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n").read();
        }
        server.shutdown(Duration.ofSeconds(5));
        assertThat(server.stats().requests(2)).isEqualTo(1);
        assertThat(server.stats().connectionsActive()).isZero();
        assertThat(server.stats().toString()).contains("accepted=1", "requests=1");
    }
}
