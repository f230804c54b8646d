package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trailer fields: read after a chunked request body (buffered or streamed), sent after a chunked response, and the forbidden ones refused. */
class TrailersTest {

    private Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    /** Answers "body|name=value;name=value;" from the body and its trailers. */
    private static String describe(RequestCtx ctx, String body) {
        StringBuilder sb = new StringBuilder(body).append('|');
        ctx.request().trailers().visitAll((k, v) -> sb.append(k).append('=').append(v).append(';'));
        return sb.toString();
    }

    private void start() {
        Router router = Router.builder()
                .post("/buffered", ctx -> ctx.setBodyString(describe(ctx, ctx.body().toString())))
                .route(Route.post("/streamed", ctx -> {
                    String body = new String(ctx.requestBodyStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    ctx.setBodyString(describe(ctx, body));
                }).streaming())
                .build();
        server = TestServers.start(router);
    }

    private static final String CHUNKED_HEAD = "Transfer-Encoding: chunked\r\n\r\n";
    private static final String BODY_WITH_TRAILERS = "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc123\r\nX-Empty:\r\nX-Spaced:   v  \r\n\r\n";

    @Test
    void trailersOfABufferedAndOfAStreamedBodyAreRead() throws Exception {
        start();
        for (String path : new String[] {"/buffered", "/streamed"}) {
            try (RawConnection c = new RawConnection(server.port())) {
                c.send("POST " + path + " HTTP/1.1\r\nHost: t\r\n" + CHUNKED_HEAD + BODY_WITH_TRAILERS);
                assertThat(c.read().bodyText()).as(path).isEqualTo("hello world|X-Checksum=abc123;X-Empty=;X-Spaced=v;");
                c.send("POST " + path + " HTTP/1.1\r\nHost: t\r\n" + CHUNKED_HEAD + "3\r\nabc\r\n0\r\n\r\n");
                assertThat(c.read().bodyText()).as("no trailers on the next request").isEqualTo("abc|");
            }
        }
    }

    @Test
    void trailersSplitAcrossEveryReadStayWhole() throws Exception {
        start();
        byte[] wire = ("POST /streamed HTTP/1.1\r\nHost: t\r\n" + CHUNKED_HEAD + BODY_WITH_TRAILERS).getBytes(StandardCharsets.US_ASCII);
        for (String path : new String[] {"/buffered", "/streamed"}) {
            byte[] request = new String(wire, StandardCharsets.US_ASCII).replace("/streamed", path).getBytes(StandardCharsets.US_ASCII);
            try (RawConnection c = new RawConnection(server.port())) {
                OutputStream out = c.socket().getOutputStream();
                for (byte b : request) {
                    out.write(b);
                    out.flush();
                }
                assertThat(c.read().bodyText()).as(path).isEqualTo("hello world|X-Checksum=abc123;X-Empty=;X-Spaced=v;");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5", "transfer-encoding: chunked", "Host: evil", "Authorization: Basic eA==",
            "Content-Type: text/html", "Trailer: X", "Cookie: a=b", "Set-Cookie: a=b", "Expect: 100-continue", "TE: trailers"})
    void forbiddenTrailerFieldsAreRefusedWith400(String field) throws Exception {
        start();
        for (String path : new String[] {"/buffered", "/streamed"}) {
            try (RawConnection c = new RawConnection(server.port())) {
                c.send("POST " + path + " HTTP/1.1\r\nHost: t\r\n" + CHUNKED_HEAD + "3\r\nabc\r\n0\r\n" + field + "\r\n\r\n");
                RawResponse r = c.read();
                assertThat(r.status()).as(path + " " + field).isEqualTo(400);
                assertThat(r.closes()).isTrue();
            }
        }
        assertThat(server.stats().protocolErrors(ProtocolError.FORBIDDEN_TRAILER)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStreamedResponseSendsTheTrailersItDeclaredAfterTheLastChunk() throws Exception {
        server = TestServers.start(ctx -> {
            ctx.response().trailers().declare("X-Count");
            ctx.setBodyStreamWriter(out -> {
                out.write("abc".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                out.write("def".getBytes(StandardCharsets.US_ASCII));
                ctx.response().trailers().set("X-Count", "6");
            });
        });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.readHead();
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(head.header("Trailer")).isEqualTo("X-Count");
            assertThat(rest(c.input())).isEqualTo("3\r\nabc\r\n3\r\ndef\r\n0\r\nX-Count: 6\r\n\r\n");
        }
    }

    @Test
    void aBufferedBodyWithTrailersIsSentChunkedToHttp11AndWithoutThemToHttp10() throws Exception {
        server = TestServers.start(ctx -> {
            ctx.setBodyString("hello");
            ctx.response().trailers().set("X-A", "1").add("X-B", "2");
        });
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.readHead();
            assertThat(head.header("Trailer")).isEqualTo("X-A, X-B");
            assertThat(head.header("Content-Length")).isNull();
            assertThat(rest(c.input())).isEqualTo("5\r\nhello\r\n0\r\nX-A: 1\r\nX-B: 2\r\n\r\n");
        }
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET / HTTP/1.0\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.header("Content-Length")).isEqualTo("5");
            assertThat(r.header("Trailer")).isNull();
            assertThat(r.bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void forbiddenResponseTrailersAreRefusedWhenSet() {
        Response response = new Response();
        for (String name : new String[] {"Content-Length", "content-type", "Transfer-Encoding", "Authorization", "Set-Cookie", "Host"}) {
            assertThatThrownBy(() -> response.trailers().set(name, "x")).as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("trailer");
            assertThatThrownBy(() -> response.trailers().declare(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> response.trailers().set("X-Split", "a\r\nInjected: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(response.trailers().isEmpty()).isTrue();
    }

    /** Reads the rest of a chunked response until its final empty line. */
    private static String rest(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (out.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break; // the chunks here hold no CRLF: the first empty line ends the message
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
