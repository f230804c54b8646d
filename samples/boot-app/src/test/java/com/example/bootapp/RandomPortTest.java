package com.example.bootapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.RestClient;

/** The application on a random port, as Boot tests a web application: its test clients, Actuator, metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@AutoConfigureTestRestTemplate
@AutoConfigureRestTestClient
@AutoConfigureWebTestClient
class RandomPortTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate testRestTemplate;

    @Autowired
    RestTestClient restTestClient;

    @Autowired
    WebTestClient webTestClient;

    @Test
    void aRestClientReachesTheRandomPort() {
        assertThat(port).isPositive().isNotEqualTo(8080);
        String body = RestClient.create("http://127.0.0.1:" + port).get().uri("/greetings/ada").retrieve().body(String.class);
        assertThat(body).isEqualTo("Hello, ada!");
    }

    @Test
    void testRestTemplateIsPointedAtTheServer() {
        ResponseEntity<String> response = testRestTemplate.getForEntity("/greetings/grace", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("Hello, grace!");
    }

    @Test
    void restTestClientIsPointedAtTheServer() {
        restTestClient.get().uri("/reports/7").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ready");
    }

    @Test
    void webTestClientIsPointedAtTheServer() {
        webTestClient.get().uri("/greetings/linus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Hello, linus!");
        webTestClient.get().uri("/missing").exchange().expectStatus().isNotFound();
    }

    @Test
    void healthIsUpWithItsLivenessAndReadinessProbes() {
        restTestClient.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.groups").value(groups -> assertThat(groups.toString()).contains("liveness", "readiness"))
                .jsonPath("$.components.fasthttp.status").isEqualTo("UP");
        restTestClient.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        restTestClient.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusCarriesTheEnginesSeries() {
        testRestTemplate.getForObject("/greetings/ada", String.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(testRestTemplate.getForObject("/actuator/prometheus", String.class)).contains(
                        "fasthttp_server_requests_total{outcome=\"SUCCESS\",status=\"2xx\"}",
                        "fasthttp_server_connections_active",
                        "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\","
                                + "status=\"200\",uri=\"/greetings/{name}\"}"));
    }

    @Test
    void httpServerRequestsAreTaggedWithTheRouteTemplate() {
        testRestTemplate.getForObject("/greetings/ada", String.class);
        // Recorded once the response is written, which the client may see first.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                restTestClient.get().uri("/actuator/metrics/http.server.requests?tag={tag}", "uri:/greetings/{name}").exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").value(count ->
                                assertThat(count.toString()).isNotEqualTo("[0.0]"))
                        .jsonPath("$.availableTags[?(@.tag == 'outcome')].values[0]").isEqualTo("SUCCESS"));
    }
}
