package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.testing.CapturingLogger;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A handler that throws: 500, logged exactly once, and the connection goes on. */
class HandlerErrorsTest {

    static final class Boom extends RuntimeException {
        Boom(String message) {
            super(message);
        }
    }

    private final CapturingLogger log = new CapturingLogger();
    private final List<RequestError> seenByErrorHandler = new CopyOnWriteArrayList<>();
    private Server server;

    private static void route(RequestCtx ctx) throws Exception {
        switch (ctx.path().toString()) {
            case "/throw" -> {
                ctx.response().headers().set("X-Half-Done", "yes");
                ctx.setBodyString("half a body");
                throw new Boom("inline failure");
            }
            case "/checked" -> throw new java.io.IOException("checked failure");
            case "/error" -> throw new AssertionError("an Error, not an Exception");
            case "/blocking-throw" -> ctx.runBlocking(c -> {
                throw new Boom("blocking failure");
            });
            case "/chain-throw" -> ctx.runBlocking(c -> c.runBlocking(c2 -> {
                throw new Boom("failure in the second continuation");
            }));
            default -> ctx.success("text/plain", "fine " + ctx.connectionRequestNumber());
        }
    }

    private void start(Consumer<Server.Builder> settings) {
        server = TestServers.start(HandlerErrorsTest::route, b -> {
            b.logger(log);
            settings.accept(b);
        });
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    private long loggedWith(Class<? extends Throwable> type) {
        return log.count(e -> e.thrown() != null && type.isInstance(e.thrown()));
    }

    @Test
    void throwingHandlerGets500AndTheConnectionStaysUsable() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /throw HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.bodyText()).isEqualTo("Internal Server Error");
            assertThat(r.header("X-Half-Done")).as("what the handler set before throwing is discarded").isNull();
            assertThat(r.closes()).isFalse();

            RawResponse next = c.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.bodyText()).isEqualTo("fine 2");
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        assertThat(server.stats().handlerErrors()).isEqualTo(1);
        assertThat(server.stats().requests(5)).isEqualTo(1);

        List<CapturingLogger.Entry> logged = log.entries().stream().filter(e -> e.thrown() != null).toList();
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).level()).isEqualTo(System.Logger.Level.ERROR);
        assertThat(logged.get(0).thrown()).isInstanceOf(Boom.class).hasMessage("inline failure");
        assertThat(logged.get(0).message()).contains("GET", "/throw");
    }

    @Test
    void checkedExceptionsAndErrorsAreHandledTheSameWay() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /checked HTTP/1.1\r\nHost: t\r\n\r\nGET /error HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /ok HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(c.read(3)).extracting(RawResponse::status).containsExactly(500, 500, 200);
        }
        assertThat(loggedWith(java.io.IOException.class)).isEqualTo(1);
        assertThat(loggedWith(AssertionError.class)).isEqualTo(1);
        assertThat(server.stats().handlerErrors()).isEqualTo(2);
    }

    @Test
    void throwingBlockingHandlerGets500LoggedOnce() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /blocking-throw HTTP/1.1\r\nHost: t\r\n\r\nGET /ok HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(500);
            assertThat(c.read().bodyText()).isEqualTo("fine 2");

            c.send("GET /chain-throw HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(500);
            assertThat(c.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("fine 4");
        }
        assertThat(loggedWith(Boom.class)).isEqualTo(2);
        assertThat(log.count(e -> e.thrown() != null && "blocking failure".equals(e.thrown().getMessage()))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().handlerErrors() == 2);
    }

    @Test
    void customErrorHandlerWritesTheResponseForHandlerFailuresAndProtocolErrors() throws Exception {
        start(b -> b.errorHandler((ctx, error) -> {
            seenByErrorHandler.add(error);
            ctx.setContentType("application/json");
            ctx.response().headers().set("X-Error", "custom");
            ctx.setBodyString("{\"status\":" + error.status() + ",\"reason\":\"" + error.reason() + "\"}");
        }));
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET /throw HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("X-Error")).isEqualTo("custom");
            assertThat(r.bodyText()).isEqualTo("{\"status\":500,\"reason\":\"Internal Server Error\"}");
            assertThat(c.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET /x HTTP/1.1\r\n\r\n").read(); // no Host
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("X-Error")).isEqualTo("custom");
            assertThat(r.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(seenByErrorHandler).hasSize(2);
        assertThat(seenByErrorHandler.get(0).cause()).isInstanceOf(Boom.class);
        assertThat(seenByErrorHandler.get(0).protocolError()).isNull();
        assertThat(seenByErrorHandler.get(1).cause()).isNull();
        assertThat(seenByErrorHandler.get(1).protocolError()).isEqualTo(ProtocolError.MISSING_HOST);
        assertThat(loggedWith(Boom.class)).isEqualTo(1);
    }

    @Test
    void failingErrorHandlerFallsBackToTheDefaultResponse() throws Exception {
        start(b -> b.errorHandler((ctx, error) -> {
            ctx.response().headers().set("X-Partial", "from the failing error handler");
            throw new IllegalStateException("error handler failure");
        }));
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET /throw HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.bodyText()).isEqualTo("Internal Server Error");
            assertThat(r.header("X-Partial")).isNull();
            assertThat(c.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
        assertThat(loggedWith(Boom.class)).isEqualTo(1);
        assertThat(loggedWith(IllegalStateException.class)).isEqualTo(1);
    }
}
