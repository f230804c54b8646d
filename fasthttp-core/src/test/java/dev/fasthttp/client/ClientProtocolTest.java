package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.http.ProtocolError;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the client reads responses, as a table: exact response bytes in, what the caller sees out. */
class ClientProtocolTest {

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("content-length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false, 200, "hello", true),
                Arguments.of("no reason phrase", "HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok", false, 200, "ok", true),
                Arguments.of("interim responses skipped",
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                        false, 200, "ok", true),
                Arguments.of("102 and 103 with headers skipped",
                        "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\nLink: </b.js>\r\n\r\n"
                                + "HTTP/1.1 103 Early Hints\r\nLink: </c.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                        false, 200, "ok", true),
                Arguments.of("chunked with extensions and trailers",
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n",
                        false, 200, "abcde", true),
                Arguments.of("until close", "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it", true, 200, "all of it", false),
                Arguments.of("HTTP/1.0 without keep-alive", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", false, 200, "ok", false),
                Arguments.of("HTTP/1.0 keep-alive", "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok",
                        false, 200, "ok", true),
                Arguments.of("204 has no body", "HTTP/1.1 204 No Content\r\n\r\n", false, 204, "", true),
                Arguments.of("304 ignores Content-Length", "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", false, 304, "", true),
                Arguments.of("final coding not chunked: until close",
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzipped", true, 200, "zipped", false),
                Arguments.of("repeated equal lengths", "HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok", false, 200, "ok", true),
                Arguments.of("higher minor version read as 1.1", "HTTP/1.2 200 OK\r\nContent-Length: 2\r\n\r\nok", false, 200, "ok", true),
                Arguments.of("trailers do not reframe", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n"
                        + "Content-Length: 5\r\n\r\n", false, 200, "ab", true),
                Arguments.of("HTTP/1.0 with Transfer-Encoding: decoded, then closed (RFC 9112 6.1)",
                        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                        false, 200, "abc", false),
                Arguments.of("bytes past the response: not reused", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nsmuggled", false, 200, "ok", false),
                Arguments.of("many interim responses", "HTTP/1.1 100 Continue\r\n\r\n".repeat(2000)
                        + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false, 200, "ok", true));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("responses")
    void readsResponses(String name, String response, boolean serverCloses, int status, String body, boolean reused) throws Exception {
        try (CannedServer server = new CannedServer(response, serverCloses);
             HostClient client = HostClient.builder("127.0.0.1:" + server.port()).build()) {
            ClientResponse resp = new ClientResponse();
            client.doRequest(new ClientRequest().setRequestUri("/a"), resp);
            assertThat(resp.statusCode()).isEqualTo(status);
            assertThat(resp.bodyString()).isEqualTo(body);
            assertThat(resp.header("Link")).as("the headers of an interim response are not the response's").isNull();
            assertThat(client.idleConnections()).as("kept for reuse").isEqualTo(reused ? 1 : 0);
        }
    }

    static Stream<Arguments> brokenResponses() {
        return Stream.of(
                Arguments.of("not HTTP", "SSH-2.0-OpenSSH\r\n\r\n", ProtocolError.MALFORMED_STATUS_LINE),
                Arguments.of("HTTP/2", "HTTP/2.0 200 OK\r\n\r\n", ProtocolError.UNSUPPORTED_VERSION),
                Arguments.of("bad status", "HTTP/1.1 2x0 OK\r\n\r\n", ProtocolError.MALFORMED_STATUS_LINE),
                Arguments.of("bare LF", "HTTP/1.1 200 OK\nContent-Length: 0\n\n", ProtocolError.INVALID_LINE_TERMINATOR),
                Arguments.of("Content-Length and Transfer-Encoding",
                        "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                        ProtocolError.CONTENT_LENGTH_WITH_TRANSFER_ENCODING),
                Arguments.of("two lengths", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                        ProtocolError.CONFLICTING_CONTENT_LENGTH),
                Arguments.of("bad chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("obs-fold", "HTTP/1.1 200 OK\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n", ProtocolError.OBSOLETE_LINE_FOLDING),
                Arguments.of("status below 100", "HTTP/1.1 099 X\r\nContent-Length: 0\r\n\r\n", ProtocolError.MALFORMED_STATUS_LINE),
                Arguments.of("status above 599", "HTTP/1.1 600 X\r\nContent-Length: 0\r\n\r\n", ProtocolError.MALFORMED_STATUS_LINE),
                Arguments.of("four-digit status", "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n", ProtocolError.MALFORMED_STATUS_LINE),
                Arguments.of("lower-case version", "http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", ProtocolError.MALFORMED_STATUS_LINE),
                Arguments.of("space before the version", " HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", ProtocolError.MALFORMED_STATUS_LINE),
                Arguments.of("two spaces before the status", "HTTP/1.1  200 OK\r\nContent-Length: 0\r\n\r\n", ProtocolError.MALFORMED_STATUS_LINE),
                Arguments.of("negative length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", ProtocolError.INVALID_CONTENT_LENGTH),
                Arguments.of("signed length", "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nok", ProtocolError.INVALID_CONTENT_LENGTH),
                Arguments.of("empty length", "HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n", ProtocolError.INVALID_CONTENT_LENGTH),
                Arguments.of("length past 2^63", "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\nok",
                        ProtocolError.INVALID_CONTENT_LENGTH),
                Arguments.of("list of different lengths", "HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nok",
                        ProtocolError.CONFLICTING_CONTENT_LENGTH),
                Arguments.of("chunk size past 2^63", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\nab\r\n0\r\n\r\n",
                        ProtocolError.INVALID_CHUNK),
                Arguments.of("negative chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n",
                        ProtocolError.INVALID_CHUNK),
                Arguments.of("0x chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n0\r\n\r\n",
                        ProtocolError.INVALID_CHUNK),
                Arguments.of("chunk data longer than its size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
                        ProtocolError.INVALID_CHUNK),
                Arguments.of("chunked twice", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                        ProtocolError.INVALID_TRANSFER_ENCODING),
                Arguments.of("space before the colon", "HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nok", ProtocolError.MALFORMED_HEADER),
                Arguments.of("field without a colon", "HTTP/1.1 200 OK\r\nNoColon\r\nContent-Length: 2\r\n\r\nok", ProtocolError.MALFORMED_HEADER),
                Arguments.of("empty field name", "HTTP/1.1 200 OK\r\n: x\r\nContent-Length: 2\r\n\r\nok", ProtocolError.MALFORMED_HEADER),
                Arguments.of("control byte in a value", "HTTP/1.1 200 OK\r\nX: a\u0001b\r\nContent-Length: 2\r\n\r\nok", ProtocolError.MALFORMED_HEADER),
                Arguments.of("NUL in a value", "HTTP/1.1 200 OK\r\nX: a\u0000b\r\nContent-Length: 2\r\n\r\nok", ProtocolError.MALFORMED_HEADER),
                Arguments.of("bare CR in a value", "HTTP/1.1 200 OK\r\nX: a\rb\r\nContent-Length: 2\r\n\r\nok", ProtocolError.INVALID_LINE_TERMINATOR),
                Arguments.of("head over maxResponseHeaderSize", "HTTP/1.1 200 OK\r\nX: " + "a".repeat(70_000) + "\r\nContent-Length: 2\r\n\r\nok",
                        ProtocolError.HEADERS_TOO_LARGE));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("brokenResponses")
    void refusesBrokenResponses(String name, String response, ProtocolError error) throws Exception {
        try (CannedServer server = new CannedServer(response, true);
             HostClient client = HostClient.builder("127.0.0.1:" + server.port()).maxAttempts(1).build()) {
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/a"), new ClientResponse()))
                    .isInstanceOf(ClientException.class)
                    .satisfies(e -> {
                        assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.PROTOCOL);
                        assertThat(((ClientException) e).protocolError()).isEqualTo(error);
                    });
            assertThat(client.openConnections()).as("a broken connection is not kept").isZero();
        }
    }

    static Stream<Arguments> unfinishedResponses() {
        return Stream.of(
                Arguments.of("head cut short", "HTTP/1.1 200 OK\r\nContent-Le", "in the middle of the response head"),
                Arguments.of("body shorter than its length", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", "7 bytes short of the body"),
                Arguments.of("chunk cut short", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "in the middle of a chunked body"),
                Arguments.of("no last chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n", "in the middle of a chunked body"),
                Arguments.of("101 to a plain request",
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n\u0081\u0002hi", "switched protocols"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unfinishedResponses")
    void aResponseThatBeganIsNeitherCompletedNorRetried(String name, String response, String message) throws Exception {
        try (CannedServer server = new CannedServer(response, true);
             HostClient client = HostClient.builder("127.0.0.1:" + server.port()).build()) {
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/a"), new ClientResponse()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(message);
            assertThat(server.connections()).as("part of a response came: the request is not sent again").isEqualTo(1);
            assertThat(client.openConnections()).isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void sendsAWellFormedRequest() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);
             HostClient client = HostClient.builder("127.0.0.1:" + server.port()).userAgent("ua").build()) {
            ClientRequest req = new ClientRequest().setMethod("PUT").setRequestUri("/path?q=1").setBodyString("");
            req.headers().add("X-A", "1").add("X-A", "2");
            client.doRequest(req, new ClientResponse());
            assertThat(server.requests().get(0)).isEqualTo("PUT /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nUser-Agent: ua\r\nContent-Length: 0\r\nX-A: 1\r\nX-A: 2\r\n\r\n");
        }
    }
}
