package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a request lets its caller set, as tables: nothing a caller passes in, from wherever it came,
 * can add a line to the request head or write a Host the URI did not name.
 */
class ClientRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "http://a\r\nX-Injected: 1/path", "http://a:80\r\nX: y/", "http://a b/", "http://a\t/", "http://a\u0001b/",
            "http://a%20b/", "http://a,b/", "http://a]/", "http://[::1/", "http://[zz]/", "http://[]/", "http://b\u00fccher.example/",
            "http://:80/", "http:///path", "http://a:/", "http://a:0/", "http://a:65536/", "http://a:-1/", "http://user@a/",
            "ftp://a/", "a/path", ""})
    void refusesUrisItCannotSendAsTheyAre(String uri) {
        assertThatThrownBy(() -> new ClientRequest().setRequestUri(uri)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GET X", "G\r\nET", "GET\u0000", "G\u00c9T"})
    void refusesMethodsThatAreNotTokens(String method) {
        assertThatThrownBy(() -> new ClientRequest().setMethod(method)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> refusedFields() {
        return Stream.of(
                Arguments.of("X", "a\r\nY: b"),
                Arguments.of("X", "a\nb"),
                Arguments.of("X", "a\u0000b"),
                Arguments.of("Host", "a\r\nY: b"),
                Arguments.of("X Y", "v"),
                Arguments.of("X:", "v"),
                Arguments.of("", "v"));
    }

    @ParameterizedTest
    @MethodSource("refusedFields")
    void refusesFieldsThatWouldBreakTheHead(String name, String value) {
        assertThatThrownBy(() -> new ClientRequest().headers().add(name, value)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> sentAsWritten() {
        return Stream.of(
                Arguments.of("/pa th?q=a b", "GET /pa%20th?q=a%20b HTTP/1.1", "127.0.0.1:PORT"),
                Arguments.of("/p\r\nX: y HTTP/1.1", "GET /p%0D%0AX:%20y%20HTTP/1.1 HTTP/1.1", "127.0.0.1:PORT"),
                Arguments.of("/caf\u00e9#fragment\r\nX: y", "GET /caf%C3%A9 HTTP/1.1", "127.0.0.1:PORT"),
                Arguments.of("http://localhost:PORT/a?b#c", "GET /a?b HTTP/1.1", "localhost:PORT"),
                Arguments.of("http://127.0.0.1:PORT", "GET / HTTP/1.1", "127.0.0.1:PORT"),
                Arguments.of("http://127.0.0.1:PORT/%0d%0a", "GET /%0d%0a HTTP/1.1", "127.0.0.1:PORT"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sentAsWritten")
    void writesTheTargetPercentEncodedAndTheHostAsNamed(String uri, String requestLine, String host) throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);
             Client client = Client.builder() // whatever host a URI names, the request goes to this server
                     .dialer((address, timeout) -> new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port()))
                     .build();
             HostClient hostClient = HostClient.builder("127.0.0.1:" + server.port()).build()) {
            String port = String.valueOf(server.port());
            ClientRequest req = new ClientRequest().setRequestUri(uri.replace("PORT", port));
            if (uri.startsWith("/")) {
                hostClient.doRequest(req, new ClientResponse());
            } else {
                client.doRequest(req, new ClientResponse());
            }
            assertThat(server.requests().get(0)).isEqualTo(
                    requestLine + "\r\nHost: " + host.replace("PORT", port) + "\r\nUser-Agent: fasthttp\r\n\r\n");
        }
    }
}
