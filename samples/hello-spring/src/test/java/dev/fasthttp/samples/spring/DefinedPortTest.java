package dev.fasthttp.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** DEFINED_PORT: the server listens on server.port as configured, and Boot's test client follows it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.address=127.0.0.1")
@AutoConfigureTestRestTemplate
class DefinedPortTest {

    /** A port free a moment ago, as a deployment would define one. */
    private static final int DEFINED = freePort();

    @DynamicPropertySource
    static void serverPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> DEFINED);
    }

    @LocalServerPort
    int port;

    @Autowired
    Server server;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theServerListensOnTheDefinedPort() {
        assertThat(server.port()).isEqualTo(DEFINED);
        assertThat(port).isEqualTo(DEFINED);
        assertThat(rest.getForObject("/plaintext", String.class)).isEqualTo("Hello, World!");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
