package dev.fasthttp.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProbedResponseTest {

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOneResponseByContentLengthAndLeavesTheNext() throws IOException {
        String one = "HTTP/1.1 200 OK\r\nServer: x\r\nContent-Type: application/json\r\nContent-Length: 26\r\n\r\n"
                + TypedRoute.EXPECTED_BODY;
        InputStream in = bytes(one + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

        ProbedResponse first = ProbedResponse.read(in);
        ProbedResponse second = ProbedResponse.read(in);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.bodyText()).isEqualTo(TypedRoute.EXPECTED_BODY);
        assertThat(first.header("content-type")).isEqualTo("application/json");
        assertThat(first.headerNames()).containsExactly("Server", "Content-Type", "Content-Length");
        assertThat(first.wireBytes()).isEqualTo(one.length());
        assertThat(first.chunked()).isFalse();
        assertThat(TypedRoute.mismatch(first)).isNull();
        assertThat(second.status()).isEqualTo(404);
        assertThat(TypedRoute.mismatch(second)).isEqualTo("status 404");
    }

    @Test
    void dechunks() throws IOException {
        String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                + "7\r\n{\"id\":4\r\n13\r\n2,\"name\":\"user 42\"}\r\n0\r\n\r\n";

        ProbedResponse r = ProbedResponse.read(bytes(wire));

        assertThat(r.chunked()).isTrue();
        assertThat(r.bodyText()).isEqualTo(TypedRoute.EXPECTED_BODY);
        assertThat(r.wireBytes()).isEqualTo(wire.length());
        assertThat(TypedRoute.mismatch(r)).isNull();
    }

    @Test
    void aDifferentBodyOrTypeIsAMismatch() throws IOException {
        ProbedResponse spaced = ProbedResponse.read(bytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 28\r\n\r\n{\"id\": 42, \"name\":\"user 42\"}"));
        ProbedResponse text = ProbedResponse.read(bytes(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 26\r\n\r\n" + TypedRoute.EXPECTED_BODY));

        assertThat(TypedRoute.mismatch(spaced)).startsWith("body ");
        assertThat(TypedRoute.mismatch(text)).isEqualTo("Content-Type text/plain");
    }

    @Test
    void aResponseEndedByClosingIsRefused() {
        assertThatThrownBy(() -> ProbedResponse.read(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello")))
                .hasMessageContaining("neither Content-Length nor chunked");
    }
}
