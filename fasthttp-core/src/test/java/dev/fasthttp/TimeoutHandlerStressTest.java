package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many keep-alive connections, each sending requests whose handlers take about as long as their
 * timeout (some return in time, some overrun, some ignore the interrupt), sometimes two pipelined
 * at once. Every response must be its own request's (the body echoes the request's id) or the
 * timeout response; no ctx may be handed to a request while a handler still holds it, and a
 * handler's request must not change under it (its input is kept until it returns).
 */
class TimeoutHandlerStressTest {

    private static final Duration TIMEOUT = Duration.ofMillis(60);
    private static final int CONNECTIONS = 24;
    private static final int ROUNDS = 40;

    private final Set<RequestCtx> inUse = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private Server server;

    private void handle(RequestCtx ctx) {
        if (!inUse.add(ctx)) {
            violations.add("ctx handed to " + ctx.requestUri() + " while another handler held it");
        }
        try {
            String uri = ctx.requestUri().toString();
            String id = ctx.queryArgs().peek("id").toString();
            long millis = Long.parseLong(ctx.queryArgs().peek("ms").toString());
            boolean stubborn = ctx.queryArgs().peek("stubborn") != null;
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() - until < 0) {
                try {
                    Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                } catch (InterruptedException e) {
                    if (!stubborn) {
                        break;
                    }
                }
            }
            if (!uri.equals(ctx.requestUri().toString())) {
                violations.add("request changed under its handler: " + uri + " became " + ctx.requestUri());
            }
            ctx.success("text/plain", "id=" + id);
        } finally {
            inUse.remove(ctx);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void everyResponseIsItsOwnRequestsAndNoCtxIsSharedWhileAHandlerRuns() throws Exception {
        server = TestServers.start(TimeoutHandler.wrap(this::handle, TIMEOUT, "too slow"),
                b -> b.eventLoops(2).logger(TestServers.QUIET));
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int conn = 0; conn < CONNECTIONS; conn++) {
                int connection = conn;
                done.add(clients.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    try (RawConnection c = new RawConnection(server.port())) {
                        for (int round = 0; round < ROUNDS; round++) {
                            int pipelined = random.nextInt(4) == 0 ? 2 : 1;
                            List<String> ids = new ArrayList<>();
                            StringBuilder requests = new StringBuilder();
                            for (int k = 0; k < pipelined; k++) {
                                String id = connection + "-" + round + "-" + k;
                                ids.add(id);
                                long millis = random.nextLong(2 * TIMEOUT.toMillis());
                                requests.append("GET /work?id=").append(id).append("&ms=").append(millis)
                                        .append(random.nextInt(3) == 0 ? "&stubborn" : "")
                                        .append(" HTTP/1.1\r\nHost: t\r\n\r\n");
                            }
                            c.send(requests.toString());
                            for (String id : ids) {
                                RawResponse r = c.read();
                                if (r.status() == 200) {
                                    assertThat(r.bodyText()).isEqualTo("id=" + id);
                                    ok.incrementAndGet();
                                } else {
                                    assertThat(r.status()).isEqualTo(503);
                                    assertThat(r.bodyText()).isEqualTo("too slow");
                                    timedOut.incrementAndGet();
                                }
                                assertThat(r.closes()).isFalse();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20)).until(inUse::isEmpty);
        assertThat(violations).isEmpty();
        assertThat(ok.get() + timedOut.get()).isGreaterThanOrEqualTo(CONNECTIONS * ROUNDS);
        assertThat(ok.get()).as("some handlers returned in time").isPositive();
        assertThat(timedOut.get()).as("some overran").isPositive();
        assertThat(server.stats().timeouts(TimeoutKind.HANDLER)).isEqualTo(timedOut.get());
    }
}
