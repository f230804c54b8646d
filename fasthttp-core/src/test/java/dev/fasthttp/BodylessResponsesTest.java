package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses without a body: HEAD (framing headers of the GET, no bytes), 204 and 304 (no body,
 * no Content-Length). A stray body byte would show as garbage before the next pipelined response.
 */
class BodylessResponsesTest {

    private static final String PAGE = "<html>the page</html>";

    private Server server;

    @BeforeEach
    void start() {
        server = TestServers.start(ctx -> {
            switch (ctx.path().toString()) {
                case "/page" -> ctx.success("text/html", PAGE);
                case "/no-content" -> {
                    ctx.setStatusCode(204);
                    ctx.response().headers().set("X-Kept", "yes");
                    ctx.setBodyString("this body must not be sent");
                }
                case "/not-modified" -> {
                    ctx.setStatusCode(304);
                    ctx.response().headers().set("ETag", "\"v1\"");
                    ctx.setBodyString("this body must not be sent either");
                }
                case "/stream" -> ctx.setBodyStreamWriter(out -> out.write("streamed".getBytes()));
                default -> ctx.success("text/plain", "next");
            }
        });
    }

    @AfterEach
    void stop() {
        server.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void headGetsTheHeadersOfGetWithoutTheBody() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("HEAD /page HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(PAGE.length()));
            assertThat(head.header("Content-Type")).isEqualTo("text/html");
            RawResponse next = c.read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.bodyText()).isEqualTo("next");

            RawResponse get = c.send("GET /page HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(get.bodyText()).isEqualTo(PAGE);
            assertThat(get.header("Content-Length")).isEqualTo(head.header("Content-Length"));
        }
    }

    @Test
    void headOfAStreamedResponseSendsNoBody() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("HEAD /stream HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = c.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(c.read().bodyText()).isEqualTo("next");
        }
    }

    @Test
    void noContentHasNeitherBodyNorContentLength() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /no-content HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.header("Content-Length")).isNull();
            assertThat(r.header("Transfer-Encoding")).isNull();
            assertThat(r.header("X-Kept")).isEqualTo("yes");
            assertThat(c.read().bodyText()).isEqualTo("next");
        }
    }

    @Test
    void notModifiedHasNeitherBodyNorContentLength() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("GET /not-modified HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(304);
            assertThat(r.header("Content-Length")).isNull();
            assertThat(r.header("ETag")).isEqualTo("\"v1\"");
            assertThat(c.read().bodyText()).isEqualTo("next");
        }
    }

    @Test
    void httpClientSeesTheSame() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri("/page"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(PAGE.length()));

            HttpResponse<String> noContent = client.send(HttpRequest.newBuilder(uri("/no-content")).build(),
                    BodyHandlers.ofString());
            assertThat(noContent.statusCode()).isEqualTo(204);
            assertThat(noContent.body()).isEmpty();

            HttpResponse<String> notModified = client.send(HttpRequest.newBuilder(uri("/not-modified")).build(),
                    BodyHandlers.ofString());
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/page")).build(), BodyHandlers.ofString());
            assertThat(page.body()).isEqualTo(PAGE);
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
