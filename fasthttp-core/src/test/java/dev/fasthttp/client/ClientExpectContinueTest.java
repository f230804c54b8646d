package dev.fasthttp.client;

import static dev.fasthttp.client.ScriptedServer.readBytes;
import static dev.fasthttp.client.ScriptedServer.readHead;
import static dev.fasthttp.client.ScriptedServer.readToEnd;
import static dev.fasthttp.client.ScriptedServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Expect: 100-continue} from the client ({@link ClientRequest#setExpectContinue}): the body
 * waits for the server's word; it goes after {@code 100 Continue}, or after the timeout from a
 * server that says nothing, and never after a final answer, which is the call's response.
 * Byte-order cases against a {@link ScriptedServer}, the rest against this project's server.
 */
class ClientExpectContinueTest {

    private static final String HELD_BACK = "bytes sent after the head: the body went without 100 Continue";

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private ScriptedServer scripted(ScriptedServer.Script script) throws IOException {
        ScriptedServer s = new ScriptedServer(script);
        toClose.add(s);
        return s;
    }

    private HostClient client(int port, Consumer<HostClient.Builder> settings) {
        HostClient.Builder b = HostClient.builder("127.0.0.1:" + port);
        settings.accept(b);
        HostClient c = b.build();
        toClose.add(c); // closed before its server: the server's scripts end on the close
        return c;
    }

    /** Long enough that a test never sees the wait end by itself. */
    private static void patient(HostClient.Builder b) {
        b.expectContinueTimeout(Duration.ofSeconds(30));
    }

    /** The server's side: nothing comes from the client for a while after the head. */
    private static void assertNothingArrives(Socket s, InputStream in) throws IOException {
        s.setSoTimeout(300);
        try {
            int b = in.read();
            throw new AssertionError(b < 0 ? "the client closed the connection" : HELD_BACK);
        } catch (SocketTimeoutException expected) {
            // silence: the client waits
        } finally {
            s.setSoTimeout(0);
        }
    }

    private static void assertPattern(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] != PatternStream.at(i)) {
                throw new AssertionError("body byte " + i + " differs");
            }
        }
    }

    private static ClientRequest post(String kind, int size) {
        ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri("/upload").setExpectContinue(true);
        if (kind.equals("stream")) {
            return req.setBodyStream(new PatternStream(size), size);
        }
        byte[] body = new byte[size];
        new PatternStream(size).read(body, 0, size);
        return req.setBody(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes", "stream"})
    void theBodyGoesAfter100Continue(String kind) throws Exception {
        int size = kind.equals("stream") ? 200_000 : 1000; // a small body from memory is held back too
        ScriptedServer server = scripted((s, in) -> {
            String head = readHead(in);
            assertThat(head).startsWith("POST /upload ").contains("Expect: 100-continue\r\n", "Content-Length: " + size + "\r\n");
            assertNothingArrives(s, in);
            write(s, "HTTP/1.1 100 Continue\r\n\r\n");
            assertPattern(readBytes(in, size));
            write(s, "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nreceived");
            assertThat(readHead(in)).as("the next request, on the same connection").startsWith("GET /next ").doesNotContain("Expect");
            write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            readToEnd(in);
        });
        HostClient client = client(server.port(), ClientExpectContinueTest::patient);
        ClientResponse resp = new ClientResponse();

        client.doRequest(post(kind, size), resp);
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.bodyString()).isEqualTo("received");
        client.doRequest(new ClientRequest().setRequestUri("/next").setExpectContinue(true), resp);
        assertThat(resp.bodyString()).isEqualTo("ok");
        assertThat(server.connections()).as("100 Continue, then the body: the connection carries on").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {417, 413, 401})
    void aFinalAnswerInsteadOf100IsTheResponseAndTheBodyIsNotSent(int status) throws Exception {
        ScriptedServer server = scripted((s, in) -> {
            String head = readHead(in);
            if (head.startsWith("GET ")) {
                write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                readToEnd(in);
                return;
            }
            write(s, "HTTP/1.1 " + status + " Not Now\r\nContent-Length: 4\r\n\r\nnope"); // and keeps the connection
            assertThat(readToEnd(in)).as(HELD_BACK).isZero();
        });
        HostClient client = client(server.port(), ClientExpectContinueTest::patient);
        ClientResponse resp = new ClientResponse();
        PatternStream body = new PatternStream(1_000_000);
        ClientRequest req = new ClientRequest().setMethod("PUT").setRequestUri("/big").setExpectContinue(true).setBodyStream(body, 1_000_000);

        client.doRequest(req, resp);

        assertThat(resp.statusCode()).isEqualTo(status);
        assertThat(resp.bodyString()).isEqualTo("nope");
        assertThat(client.openConnections()).as("the server may wait for the body: not reused").isZero();
        assertThat(req.hasBodyStream()).as("not read: still the request's").isTrue();
        assertThat(req.bodyStreamTaken()).isFalse();
        assertThat(body.closes).isZero();
        client.doRequest(new ClientRequest().setRequestUri("/next"), resp);
        assertThat(resp.bodyString()).isEqualTo("ok");
        assertThat(server.connections()).as("the next request opens a connection").isEqualTo(2);
        req.reset();
        assertThat(body.closes).isEqualTo(1);
    }

    @Test
    void aRedirectBefore100TakesTheUnsentStreamAlong() throws Exception {
        int size = 100_000;
        ScriptedServer server = scripted((s, in) -> {
            String head = readHead(in);
            if (head.startsWith("POST /old ")) {
                write(s, "HTTP/1.1 307 Temporary Redirect\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n");
                assertThat(readToEnd(in)).as(HELD_BACK).isZero();
                return;
            }
            assertThat(head).startsWith("POST /new ").contains("Expect: 100-continue\r\n");
            write(s, "HTTP/1.1 100 Continue\r\n\r\n");
            assertPattern(readBytes(in, size));
            write(s, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nmoved");
            readToEnd(in);
        });
        HostClient client = client(server.port(), ClientExpectContinueTest::patient);
        ClientResponse resp = new ClientResponse();
        PatternStream body = new PatternStream(size);
        client.doRedirects(new ClientRequest().setMethod("POST").setRequestUri("/old").setExpectContinue(true).setBodyStream(body, size), resp, 3);
        assertThat(resp.statusCode()).as("307 followed: the stream had not been read").isEqualTo(200);
        assertThat(resp.bodyString()).isEqualTo("moved");
        assertThat(body.closes).isEqualTo(1);
    }

    @Test
    void aServerThatIgnoresTheExpectationGetsTheBodyAfterTheTimeout() throws Exception {
        int size = 50_000;
        ScriptedServer server = scripted((s, in) -> {
            for (String head; (head = readHead(in)) != null; ) {
                assertThat(head).contains("Expect: 100-continue\r\n");
                assertPattern(readBytes(in, size)); // never a 100 Continue: the body comes all the same
                write(s, "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nreceived");
            }
        });
        HostClient client = client(server.port(), b -> b.expectContinueTimeout(Duration.ofMillis(200)));
        ClientResponse resp = new ClientResponse();
        for (String kind : List.of("stream", "bytes")) {
            client.doRequest(post(kind, size), resp);
            assertThat(resp.bodyString()).isEqualTo("received");
        }
        assertThat(client.idleConnections()).isEqualTo(1);
    }

    @Test
    void interimAnswersAreSkippedBeforeAndAfter100() throws Exception {
        int size = 5000;
        ScriptedServer server = scripted((s, in) -> {
            readHead(in);
            write(s, "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\nLink: </b.js>\r\n\r\n");
            assertNothingArrives(s, in); // neither is the go-ahead
            write(s, "HTTP/1.1 100 Continue\r\n\r\n");
            assertPattern(readBytes(in, size));
            write(s, "HTTP/1.1 103 Early Hints\r\nLink: </c.css>\r\n\r\nHTTP/1.1 201 Created\r\nX-Final: yes\r\nContent-Length: 4\r\n\r\ndone");
            readToEnd(in);
        });
        HostClient client = client(server.port(), ClientExpectContinueTest::patient);
        ClientResponse resp = new ClientResponse();
        client.doRequest(post("stream", size), resp);
        assertThat(resp.statusCode()).isEqualTo(201);
        assertThat(resp.header("X-Final")).hasToString("yes");
        assertThat(resp.header("Link")).as("headers of an interim response are not the response's").isNull();
        assertThat(resp.bodyString()).isEqualTo("done");
    }

    @Test
    void theWaitKeepsTheCallsDeadline() throws Exception {
        ScriptedServer server = scripted((s, in) -> {
            readHead(in);
            readToEnd(in); // says nothing until the client gives up
        });
        HostClient client = client(server.port(), ClientExpectContinueTest::patient);
        assertThatThrownBy(() -> client.doTimeout(post("stream", 10), new ClientResponse(), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.TIMEOUT));
        assertThat(client.openConnections()).isZero();
    }

    @Test
    void onlyARequestWithABodyAsks() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);
             HostClient client = HostClient.builder("127.0.0.1:" + server.port()).build()) {
            ClientResponse resp = new ClientResponse();
            client.doRequest(new ClientRequest().setRequestUri("/get").setExpectContinue(true), resp);
            client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/empty").setExpectContinue(true), resp);
            assertThat(server.requests()).hasSize(2).noneMatch(head -> head.contains("Expect"));
        }
    }

    @Test
    void theHeaderAsksAsTheSetterDoes() throws Exception {
        ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri("/a").setBodyString("x");
        req.headers().set("expect", " 100-Continue ");
        assertThat(req.expectContinue()).isTrue();
        assertThat(req.headers().peek("Expect")).as("kept by the request, as Connection: close is").isNull();
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);
             HostClient client = HostClient.builder("127.0.0.1:" + server.port()).build()) {
            client.doRequest(req, new ClientResponse()); // answered at once: the body stays unsent
            assertThat(server.requests().get(0)).contains("Expect: 100-continue\r\n").doesNotContain("-Continue");
        }
        req.headers().del("Expect");
        assertThat(req.expectContinue()).isFalse();
        req.headers().set("Expect", "something-else"); // an expectation this client does not handle: sent as it is
        assertThat(req.expectContinue()).isFalse();
        assertThat(req.headers().peek("Expect")).hasToString("something-else");
        req.setExpectContinue(true).reset();
        assertThat(req.expectContinue()).isFalse();
    }

    // ---- against this project's server -----------------------------------------------------

    private Server server(boolean acceptBodies) {
        Router router = Router.builder()
                .post("/sha", ctx -> {
                    MessageDigest md = PatternStream.sha256();
                    md.update(ctx.body().array(), ctx.body().offset(), ctx.body().length());
                    ctx.setBodyString("got=" + ctx.body().length() + " sha=" + HexFormat.of().formatHex(md.digest()));
                })
                .build();
        Server s = TestServers.start(router, b -> b.logger(TestServers.QUIET).continueHandler(ctx -> acceptBodies));
        toClose.add(() -> s.shutdown(Duration.ofSeconds(5)));
        return s;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ourServerSays100ContinueAndTheConnectionCarriesOn(boolean sizeKnown) throws Exception {
        Server server = server(true);
        HostClient client = client(server.port(), ClientExpectContinueTest::patient);
        ClientResponse resp = new ClientResponse();
        int size = 3 * 1024 * 1024;
        for (int i = 0; i < 3; i++) {
            client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/sha").setExpectContinue(true)
                    .setBodyStream(new PatternStream(size), sizeKnown ? size : -1), resp);
            assertThat(resp.bodyString()).isEqualTo("got=" + size + " sha=" + PatternStream.sha256(size));
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void ourServersRefusalIsTheAnswerAndTheBodyCanGoWithoutTheExpectation() throws Exception {
        Server server = server(false);
        HostClient client = client(server.port(), ClientExpectContinueTest::patient);
        ClientResponse resp = new ClientResponse();
        PatternStream body = new PatternStream(1000);
        ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri("/sha").setExpectContinue(true).setBodyStream(body, 1000);

        client.doRequest(req, resp);
        assertThat(resp.statusCode()).isEqualTo(417);
        assertThat(req.hasBodyStream()).isTrue();

        client.doRequest(req.setExpectContinue(false), resp); // as RFC 9110 10.1.1 advises after a 417
        assertThat(resp.bodyString()).isEqualTo("got=1000 sha=" + PatternStream.sha256(1000));
        assertThat(body.closes).isEqualTo(1);
        assertThat(server.stats().connectionsAccepted()).isEqualTo(2);
    }

    // ---- what refuses it -------------------------------------------------------------------

    @Test
    void aPipelineClientRefusesIt() {
        try (PipelineClient client = PipelineClient.builder("127.0.0.1:1").build()) {
            assertThatThrownBy(() -> client.doRequest(
                    new ClientRequest().setMethod("POST").setRequestUri("/a").setBodyString("x").setExpectContinue(true), new ClientResponse()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100 Continue");
        }
    }

    @Test
    void theTimeoutIsBounded() {
        assertThatThrownBy(() -> HostClient.builder("localhost").expectContinueTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostClient.builder("localhost").expectContinueTimeout(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
        try (HostClient client = HostClient.builder("localhost").build()) {
            assertThat(client.settings().expectContinueTimeout()).isEqualTo(Duration.ofSeconds(1));
        }
    }
}
