package com.example.bootapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** DEFINED_PORT: the server listens on server.port as the deployment defines it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.address=127.0.0.1")
class DefinedPortTest {

    /** A port free a moment ago, as a deployment would define one. */
    private static final int DEFINED = freePort();

    @DynamicPropertySource
    static void serverPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> DEFINED);
    }

    @LocalServerPort
    int port;

    @Test
    void theServerListensOnTheDefinedPort() {
        assertThat(port).isEqualTo(DEFINED);
        String body = RestClient.create("http://127.0.0.1:" + DEFINED).get().uri("/greetings/ada").retrieve().body(String.class);
        assertThat(body).isEqualTo("Hello, ada!");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
