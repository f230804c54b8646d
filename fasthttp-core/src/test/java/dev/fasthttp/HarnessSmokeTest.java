package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.ScriptedChannel;
import dev.fasthttp.testing.TestServers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HarnessSmokeTest {

    @Test
    void socketAndInMemoryConnectionsSeeTheSameResponse() throws Exception {
        Server server = TestServers.start(TestServers.describing());
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send("GET /a?b=c HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).contains("path: /a", "query: b=c", "host: x");
        } finally {
            server.shutdown(java.time.Duration.ofSeconds(5));
        }
        Server direct = Server.builder().handler(TestServers.describing()).build();
        ScriptedChannel ch = new ScriptedChannel("GET /a?b=c HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                ScriptedChannel.Splits.byteByByte());
        direct.serveConnection(ch);
        RawResponse r = RawResponse.read(new java.io.ByteArrayInputStream(ch.output()), false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).contains("path: /a", "query: b=c", "host: x");
    }
}
