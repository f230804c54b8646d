package com.example.bootapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** management.server.port: Actuator on a listener of its own, and only there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "management.server.port=0", "management.server.address=127.0.0.1"})
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void theActuatorAnswersOnTheManagementPortOnly() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        RestClient management = RestClient.create("http://127.0.0.1:" + managementPort);
        assertThat(management.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(management.get().uri("/actuator/prometheus").retrieve().body(String.class)).contains("fasthttp_server_requests_total");

        RestClient application = RestClient.create("http://127.0.0.1:" + port);
        assertThat(status(application, "/actuator/health")).isEqualTo(404);
        assertThat(status(application, "/actuator/prometheus")).isEqualTo(404);
        assertThat(application.get().uri("/greetings/ada").retrieve().body(String.class)).isEqualTo("Hello, ada!");
    }

    private static int status(RestClient client, String path) {
        return client.get().uri(path).exchange((request, response) -> response.getStatusCode()).value();
    }
}
