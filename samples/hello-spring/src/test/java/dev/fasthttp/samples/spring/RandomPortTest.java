package dev.fasthttp.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.RestClient;

/**
 * The sample tested as a Boot web application is: a random port, published for
 * {@code @LocalServerPort}, and Boot's test clients pointed at the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@AutoConfigureTestRestTemplate
@AutoConfigureRestTestClient
class RandomPortTest {

    @LocalServerPort
    int port;

    @Autowired
    Server server;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RestTestClient client;

    @Test
    void theServerListensOnTheRandomPortBootPublishes() {
        assertThat(port).isEqualTo(server.port()).isNotEqualTo(8080).isPositive();
        String body = RestClient.create("http://127.0.0.1:" + port).get().uri("/plaintext").retrieve().body(String.class);
        assertThat(body).isEqualTo("Hello, World!");
    }

    @Test
    void testRestTemplateIsPointedAtTheServer() {
        ResponseEntity<String> plaintext = rest.getForEntity("/plaintext", String.class);
        assertThat(plaintext.getStatusCode().value()).isEqualTo(200);
        assertThat(plaintext.getBody()).isEqualTo("Hello, World!");
        assertThat(rest.getForEntity("/users/42", String.class).getBody()).isEqualTo("user 42");
    }

    @Test
    void restTestClientIsPointedAtTheServer() {
        client.get().uri("/plaintext").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Hello, World!");
        client.get().uri("/nope").exchange().expectStatus().isNotFound();
    }
}
