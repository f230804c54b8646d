package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Expect: 100-continue}: the interim response, and refusal by the continue handler. */
class ExpectContinueTest {

    private final AtomicInteger handled = new AtomicInteger();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private Server server;

    @BeforeEach
    void start() {
        server = TestServers.start(ctx -> {
            handled.incrementAndGet();
            ctx.success("text/plain; charset=utf-8", ctx.method() + " " + ctx.path() + " " + ctx.body());
        }, b -> b.continueHandler(ctx -> {
            asked.add(ctx.path() + " " + ctx.headers().contentLength());
            return !ctx.path().startsWith("/refuse") && ctx.headers().contentLength() <= 1000;
        }));
    }

    @AfterEach
    void stop() {
        server.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void rawClientGets100ContinueThenTheResponse() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /upload HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n");
            RawResponse interim = c.read();
            assertThat(interim.status()).isEqualTo(100);
            assertThat(interim.head()).isEqualTo("HTTP/1.1 100 Continue\r\n");
            assertThat(handled).hasValue(0);

            c.send("hello world");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("POST /upload hello world");
            assertThat(r.closes()).isFalse();

            // and the connection goes on
            assertThat(c.send("GET /next HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("GET /next ");
        }
        assertThat(asked).containsExactly("/upload 11");
    }

    @Test
    void chunkedBodyAfter100Continue() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /chunks HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(100);
            c.send("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            assertThat(c.read().bodyText()).isEqualTo("POST /chunks hello world");
        }
    }

    @Test
    void bodySentWithoutWaitingGetsNoInterimResponse() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /eager HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("POST /eager hello");
        }
    }

    @Test
    void http10ExpectIsIgnored() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /old HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            c.send("hello");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("POST /old hello");
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void refusedExpectationGets417AndCloseWithoutTheBodyBeingRead() throws Exception {
        try (RawConnection c = new RawConnection(server.port())) {
            c.send("POST /refuse HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            RawResponse r = c.read();
            assertThat(r.status()).isEqualTo(417);
            assertThat(r.closes()).isTrue();
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(handled).hasValue(0);
        assertThat(asked).containsExactly("/refuse 5");
        assertThat(server.stats().protocolErrors(ProtocolError.EXPECTATION_FAILED)).isEqualTo(1);
        assertThat(server.stats().requests(4)).isEqualTo(1);
    }

    @Test
    void httpClientWithExpectContinue() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/client"))
                    .expectContinue(true)
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("from the client"))
                    .build(), BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("POST /client from the client");

            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/too-big"))
                    .expectContinue(true)
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000)))
                    .build(), BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(417);
        }
        assertThat(asked).containsExactly("/client 15", "/too-big 2000");
        assertThat(handled).hasValue(1);
    }
}
