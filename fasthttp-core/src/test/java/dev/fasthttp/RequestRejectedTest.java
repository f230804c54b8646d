package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A handler that throws {@link RequestRejectedException}: the client gets the status and the
 * message, the log gets a DEBUG line (not an ERROR: the client's fault), the stats count a
 * rejection (not a handler error), and the connection goes on.
 */
class RequestRejectedTest {

    private final CapturingLogger log = new CapturingLogger();
    private final List<RequestError> seenByErrorHandler = new CopyOnWriteArrayList<>();
    private Server server;

    private static void route(RequestCtx ctx) {
        switch (ctx.path().toString()) {
            case "/reject" -> {
                ctx.response().headers().set("X-Half-Done", "yes");
                ctx.setBodyString("half a body");
                throw new RequestRejectedException(422, "name must not be empty");
            }
            case "/reject-blocking" -> ctx.runBlocking(c -> {
                throw new RequestRejectedException(409, "version 3 is not the latest");
            });
            case "/reason" -> throw new RequestRejectedException(Integer.parseInt(ctx.queryArgs().get("status")), null);
            case "/form" -> ctx.success("text/plain", "fields: " + ctx.multipartForm().fieldCount());
            default -> ctx.success("text/plain", "fine " + ctx.connectionRequestNumber());
        }
    }

    private void start(Consumer<Server.Builder> settings) {
        server = TestServers.start(RequestRejectedTest::route, b -> {
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

    @Test
    void theClientGetsTheStatusAndTheMessageAndTheConnectionGoesOn() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET /reject HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.bodyText()).isEqualTo("name must not be empty");
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.header("X-Half-Done")).as("what the handler set before throwing is discarded").isNull();
            assertThat(r.closes()).isFalse();

            RawResponse next = c.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.bodyText()).isEqualTo("fine 2");
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        assertThat(server.stats().requestsRejected()).isEqualTo(1);
        assertThat(server.stats().handlerErrors()).isZero();
        assertThat(server.stats().requests(4)).isEqualTo(1);
        assertThat(server.stats().requests(5)).isZero();

        assertThat(log.entries(System.Logger.Level.ERROR)).isEmpty();
        assertThat(log.entries(System.Logger.Level.WARNING)).isEmpty();
        List<CapturingLogger.Entry> debug = log.entries(System.Logger.Level.DEBUG);
        assertThat(debug).hasSize(1);
        assertThat(debug.get(0).message()).contains("GET /reject", "422", "name must not be empty");
        assertThat(debug.get(0).thrown()).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void aRejectionFromABlockingHandlerIsAnsweredTheSameWay() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /reject-blocking HTTP/1.1\r\nHost: t\r\n\r\nGET /ok HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.bodyText()).isEqualTo("version 3 is not the latest");
            assertThat(c.read().bodyText()).isEqualTo("fine 2");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().requestsRejected() == 1);
        assertThat(server.stats().handlerErrors()).isZero();
        assertThat(log.entries(System.Logger.Level.ERROR)).isEmpty();
    }

    @Test
    void theErrorHandlerGetsTheStatusTheMessageAndTheException() throws Exception {
        start(b -> b.errorHandler((ctx, error) -> {
            seenByErrorHandler.add(error);
            ctx.setContentType("application/json");
            ctx.setBodyString("{\"status\":" + error.status() + ",\"message\":\"" + error.reason() + "\"}");
        }));
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET /reject HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.bodyText()).isEqualTo("{\"status\":422,\"message\":\"name must not be empty\"}");
            assertThat(c.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
        assertThat(seenByErrorHandler).hasSize(1);
        RequestError error = seenByErrorHandler.get(0);
        assertThat(error.status()).isEqualTo(422);
        assertThat(error.reason()).isEqualTo("name must not be empty");
        assertThat(error.protocolError()).isNull();
        assertThat(error.cause()).isInstanceOf(RequestRejectedException.class);
    }

    /** An accessor that rejects (here a form read from a body that is none) is answered like a handler's own rejection. */
    @Test
    void anAccessorsRejectionReachesTheClient() throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("POST /form HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi").read();
            assertThat(r.status()).isEqualTo(415);
            assertThat(r.bodyText()).isEqualTo("Content-Type must be multipart/form-data");
            assertThat(r.closes()).isFalse();
            assertThat(c.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("fine 2");
        }
        assertThat(server.stats().requestsRejected()).isEqualTo(1);
        assertThat(log.entries(System.Logger.Level.ERROR)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | Bad Request
            404 | Not Found
            413 | Content Too Large
            499 | ''
            """)
    void withoutAMessageTheReasonPhraseIsSent(int status, String reason) throws Exception {
        start(b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET /reason?status=" + status + " HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.bodyText()).isEqualTo(reason);
        }
    }

    @Test
    void onlyClientErrorsAndNoStackTrace() {
        for (int status : new int[] {200, 399, 500, 503}) {
            assertThatThrownBy(() -> new RequestRejectedException(status, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(status));
        }
        RequestRejectedException e = new RequestRejectedException(400, "bad", new IllegalStateException("why"));
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("bad");
        assertThat(e.getCause()).hasMessage("why");
        assertThat(new RequestRejectedException(415, null).getMessage()).isEqualTo("Unsupported Media Type");
    }
}
