package dev.fasthttp.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code @SpringBootTest}'s default MOCK environment: no port is bound, and {@code RestTestClient}
 * reaches the handlers in memory, through the server's own codec, router and error responses.
 */
@SpringBootTest
@AutoConfigureRestTestClient
class MockEnvironmentTest {

    @Autowired
    Server server;

    @Autowired
    Environment environment;

    @Autowired
    RestTestClient client;

    @Test
    void noPortIsBound() {
        assertThat(server.isRunning()).isFalse();
        assertThat(environment.getProperty("local.server.port")).isNull();
    }

    @Test
    void handlersAreReachedInMemory() {
        client.get().uri("/plaintext").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Server", "fasthttp")
                .expectBody(String.class).isEqualTo("Hello, World!");
        client.get().uri("/users/42").exchange().expectBody(String.class).isEqualTo("user 42");
    }

    @Test
    void theServersErrorResponsesAnswerTooAndBadRequestsAreRefusedByTheCodec() {
        client.get().uri("/nope").header("Accept", "application/json").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.path").isEqualTo("/nope").jsonPath("$.status").isEqualTo(404);
        client.get().uri("/plaintext").header("Host", "a.example", "b.example").exchange().expectStatus().isBadRequest();
    }
}
