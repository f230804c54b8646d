package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.CapturingLogger;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TimeoutHandler}, {@link RequestCtx#timeoutError} and the done signal, over real sockets.
 * Timing assertions keep margins of hundreds of milliseconds; waits are bounded generously.
 */
class TimeoutHandlerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch handlerReturned = new CountDownLatch(1);
    private final CountDownLatch doneCallback = new CountDownLatch(1);
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicReference<DoneReason> reasonSeen = new AtomicReference<>();
    private final AtomicReference<RequestCtx> firstCtx = new AtomicReference<>();
    private final List<RequestCtx> laterCtxs = Collections.synchronizedList(new ArrayList<>());
    private final CapturingLogger log = new CapturingLogger();
    private Server server;

    /** Sleeps {@code millis}; true if interrupted first. */
    private static boolean sleepInterruptibly(long millis) {
        try {
            Thread.sleep(millis);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** Waits for {@link #release} whatever interrupts come, as a handler that ignores them would. */
    private void awaitReleaseIgnoringInterrupts() {
        boolean wasInterrupted = false;
        while (true) {
            try {
                if (release.await(20, TimeUnit.SECONDS)) {
                    break;
                }
                throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                wasInterrupted = true;
            }
        }
        interrupted.set(wasInterrupted);
    }

    private final RequestHandler routes = ctx -> {
        switch (ctx.path().toString()) {
            case "/fast" -> {
                laterCtxs.add(ctx);
                ctx.success("text/plain", "fast " + ctx.connectionRequestNumber());
            }
            case "/sleep" -> TimeoutHandler.wrap(c -> {
                long millis = Long.parseLong(c.queryArgs().peek("ms").toString());
                c.onDone(doneCallback::countDown);
                entered.countDown();
                interrupted.set(sleepInterruptibly(millis));
                reasonSeen.set(c.doneReason());
                c.success("text/plain", "slept " + millis);
            }, TIMEOUT, "too slow").handle(ctx);
            case "/custom" -> TimeoutHandler.wrap(c -> sleepInterruptibly(10_000), TIMEOUT, "custom gateway timeout", 504)
                    .handle(ctx);
            case "/chooses" -> TimeoutHandler.wrap(c -> {
                c.timeoutError("chosen by the handler", 502);
                sleepInterruptibly(10_000);
            }, TIMEOUT, "wrapper's message").handle(ctx);
            case "/gives-up-inline" -> {
                firstCtx.set(ctx);
                ctx.success("text/plain", "never sent");
                ctx.timeoutError("given up at once");
            }
            case "/late" -> TimeoutHandler.wrap(c -> {
                firstCtx.set(c);
                entered.countDown();
                awaitReleaseIgnoringInterrupts();
                reasonSeen.set(c.doneReason());
                c.success("text/plain", "LATE-RESPONSE-MUST-NOT-BE-SENT");
                c.response().headers().set("X-Late", "yes");
                handlerReturned.countDown();
            }, TIMEOUT, "too slow").handle(ctx);
            case "/watch" -> ctx.runBlocking(c -> {
                c.onDone(doneCallback::countDown);
                entered.countDown();
                interrupted.set(sleepInterruptibly(20_000));
                reasonSeen.set(c.doneReason());
                c.success("text/plain", "interrupted=" + interrupted.get() + " reason=" + c.doneReason());
                handlerReturned.countDown();
            });
            default -> ctx.notFound();
        }
    };

    private void start() {
        server = TestServers.start(routes, b -> b.eventLoops(1).logger(log));
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    private static RawResponse get(RawConnection c, String target) throws IOException {
        return c.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n").read();
    }

    /** Nothing more arrives on {@code c} within {@code millis}. */
    private static void assertNothingMoreArrives(RawConnection c, int millis) throws IOException {
        c.socket().setSoTimeout(millis);
        try {
            int b = c.input().read();
            assertThat(b).as("bytes after the last response").isEqualTo(-2);
        } catch (SocketTimeoutException expected) {
            // nothing came
        } finally {
            c.socket().setSoTimeout(RawConnection.READ_TIMEOUT_MILLIS);
        }
    }

    // ---- TimeoutHandler ----------------------------------------------------------------------

    @Test
    void aHandlerThatOverrunsGets503WithTheMessageAndIsInterrupted() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            long begin = System.nanoTime();
            RawResponse r = get(c, "/sleep?ms=10000");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.bodyText()).isEqualTo("too slow");
            assertThat(r.closes()).as("the connection is kept").isFalse();
            assertThat(tookMillis).isBetween(TIMEOUT.toMillis() - 50, 5_000L);
            assertThat(doneCallback.await(10, TimeUnit.SECONDS)).as("the done callback ran").isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> reasonSeen.get() != null);
            assertThat(interrupted).as("the handler's virtual thread was interrupted").isTrue();
            assertThat(reasonSeen.get()).isEqualTo(DoneReason.TIMEOUT);
            assertThat(server.stats().timeouts(TimeoutKind.HANDLER)).isEqualTo(1);

            RawResponse next = get(c, "/fast");
            assertThat(next.status()).as("the next request on the same connection").isEqualTo(200);
            assertThat(next.bodyText()).isEqualTo("fast 2");
        }
        assertThat(log.entries(System.Logger.Level.ERROR)).as("an interrupted handler is no error").isEmpty();
    }

    @Test
    void aHandlerWithinItsTimeGetsItsOwnResponse() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = get(c, "/sleep?ms=10");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("slept 10");
            assertThat(interrupted).isFalse();
            assertThat(reasonSeen.get()).isNull();
            assertThat(get(c, "/sleep?ms=1").bodyText()).isEqualTo("slept 1");
        }
        assertThat(doneCallback.getCount()).as("no done signal for a request served in time").isEqualTo(1);
        assertThat(server.stats().timeouts(TimeoutKind.HANDLER)).isZero();
    }

    @Test
    void theStatusAndMessageCanBeChosen() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = get(c, "/custom");
            assertThat(r.status()).isEqualTo(504);
            assertThat(r.bodyText()).isEqualTo("custom gateway timeout");
        }
    }

    @Test
    void aHandlerChoosesItsTimeoutResponseWithTimeoutError() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = get(c, "/chooses");
            assertThat(r.status()).isEqualTo(502);
            assertThat(r.bodyText()).isEqualTo("chosen by the handler");
            assertThat(get(c, "/fast").status()).isEqualTo(200);
        }
    }

    @Test
    void timeoutErrorInAnInlineHandlerAnswersAtOnceAndTheCtxIsNeverReused() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = get(c, "/gives-up-inline");
            assertThat(r.status()).isEqualTo(TimeoutHandler.DEFAULT_STATUS);
            assertThat(r.bodyText()).isEqualTo("given up at once");
            assertThat(firstCtx.get().isDone()).isTrue();
            assertThat(firstCtx.get().doneReason()).isEqualTo(DoneReason.TIMEOUT);
            for (int i = 0; i < 20; i++) {
                assertThat(get(c, "/fast").status()).isEqualTo(200);
            }
        }
        assertThat(laterCtxs).as("the given-up ctx may still be used elsewhere: never pooled")
                .noneMatch(ctx -> ctx == firstCtx.get());
    }

    @Test
    void theLateHandlersResponseNeverReachesTheWireAndItsCtxIsNotReusedWhileItRuns() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = get(c, "/late");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.bodyText()).isEqualTo("too slow");

            // The connection goes on while the abandoned handler still runs.
            for (int i = 0; i < 5; i++) {
                RawResponse next = get(c, "/fast");
                assertThat(next.status()).isEqualTo(200);
                assertThat(next.bodyText()).isEqualTo("fast " + (i + 2));
            }
            assertThat(laterCtxs).as("no request got the ctx of a handler still running")
                    .noneMatch(ctx -> ctx == firstCtx.get());

            release.countDown();
            assertThat(handlerReturned.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(reasonSeen.get()).isEqualTo(DoneReason.TIMEOUT);
            assertThat(interrupted).as("interrupted, though it ignored it").isTrue();
            RawResponse after = get(c, "/fast");
            assertThat(after.bodyText()).as("the response after the late handler returned").isEqualTo("fast 7");
            assertThat(after.header("X-Late")).isNull();
            assertNothingMoreArrives(c, 300);
        }
    }

    @Test
    void pipelinedRequestsThatCameWhileTheHandlerRanAreServedInOrder() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /sleep?ms=150 HTTP/1.1\r\nHost: t\r\n\r\nGET /fast HTTP/1.1\r\nHost: t\r\n\r\n");
            List<RawResponse> both = c.read(2);
            assertThat(both.get(0).bodyText()).isEqualTo("slept 150");
            assertThat(both.get(1).bodyText()).isEqualTo("fast 2");
            c.send("GET /sleep?ms=10000 HTTP/1.1\r\nHost: t\r\n\r\nGET /fast HTTP/1.1\r\nHost: t\r\n\r\n");
            List<RawResponse> afterTimeout = c.read(2);
            assertThat(afterTimeout.get(0).status()).isEqualTo(503);
            assertThat(afterTimeout.get(1).bodyText()).isEqualTo("fast 4");
        }
    }

    @Test
    void aRouteWithATimeoutIsAnswered503() throws Exception {
        Router router = Router.builder()
                .route(Route.get("/slow", ctx -> {
                    sleepInterruptibly(10_000);
                    ctx.success("text/plain", "slow");
                }).timeout(TIMEOUT))
                .route(Route.get("/quick", ctx -> ctx.success("text/plain", "virtual=" + Thread.currentThread().isVirtual()))
                        .timeout(Duration.ofSeconds(5)))
                .build();
        server = TestServers.start(router, b -> b.logger(log));
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse slow = get(c, "/slow");
            assertThat(slow.status()).isEqualTo(503);
            assertThat(slow.bodyText()).isEqualTo(TimeoutHandler.DEFAULT_MESSAGE);
            assertThat(get(c, "/quick").bodyText()).isEqualTo("virtual=true");
        }
        assertThat(router.routes().get(0).toString()).isEqualTo("GET /slow (timeout PT0.4S)");
        assertThatThrownBy(() -> Route.get("/x", ctx -> { }).timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> TimeoutHandler.wrap(ctx -> { }, TIMEOUT, "m", 42))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- the done signal ---------------------------------------------------------------------

    @Test
    void aClientThatDisconnectsMidHandlerFiresTheDoneSignalAndInterruptsTheHandler() throws Exception {
        start();
        RawConnection c = new RawConnection(server.port());
        c.send("GET /watch HTTP/1.1\r\nHost: t\r\n\r\n");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        c.close();
        assertThat(doneCallback.await(10, TimeUnit.SECONDS)).as("the done callback ran").isTrue();
        assertThat(handlerReturned.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
        assertThat(reasonSeen.get()).isEqualTo(DoneReason.CLIENT_DISCONNECTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
    }

    @Test
    void aClientThatOnlyHalfClosesStillGetsTheResponse() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /watch HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            c.socket().shutdownOutput();
            RawResponse r = c.read();
            assertThat(r.bodyText()).isEqualTo("interrupted=true reason=CLIENT_DISCONNECTED");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aShutdownThatCutsTheRequestFiresTheDoneSignal() throws Exception {
        start();
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /watch HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<ShutdownResult> shutdown = CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofMillis(300)));
            assertThat(doneCallback.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(handlerReturned.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(reasonSeen.get()).isEqualTo(DoneReason.SHUTDOWN);
            assertThat(interrupted).isTrue();
            assertThat(shutdown.get(20, TimeUnit.SECONDS).connectionsCut()).isEqualTo(1);
        }
    }

    @Test
    void anInlineHandlerIsNeverDone() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        server = TestServers.start(ctx -> {
            seen.set(ctx.isDone() + " " + ctx.doneReason());
            ctx.success("text/plain", "ok");
        }, b -> b.logger(log));
        try (RawConnection c = new RawConnection(server.port())) {
            assertThat(get(c, "/").status()).isEqualTo(200);
        }
        assertThat(seen.get()).isEqualTo("false null");
    }
}
