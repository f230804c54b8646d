package dev.fasthttp.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.spring.boot.FastHttpRoute;
import dev.fasthttp.RequestCtx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.RequestBody;

/** Actuator's web endpoints on the engine, through a real Boot application and the JDK's HTTP client. */
class ActuatorEndpointsTest {

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void healthAndItsProbesAreUpAndSpeakActuatorsMediaTypes() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            HttpResponse<String> health = get(app, "/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(health.headers().firstValue("Content-Type")).hasValue("application/vnd.spring-boot.actuator.v3+json");
            assertThat(get(app, "/actuator/health", "application/json").headers().firstValue("Content-Type"))
                    .hasValue("application/json");
            assertThat(get(app, "/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(app, "/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(app, "/actuator/health/nosuchgroup", null).statusCode()).isEqualTo(404);
            assertThat(get(app, "/actuator/health", "text/csv").statusCode()).isEqualTo(406);
        }
    }

    @Test
    void theEngineReportsItsOwnHealth() throws Exception {
        try (ConfigurableApplicationContext app = start("management.endpoint.health.show-details=always",
                "fasthttp.server.event-loops=2")) {
            assertThat(get(app, "/actuator/health", null).body()).contains(
                    "\"fasthttp\":{\"details\":{\"eventLoops\":2,\"eventLoopsAlive\":2,\"accepting\":true,\"connections\":1,"
                            + "\"port\":" + app.getEnvironment().getProperty("local.server.port") + "},\"status\":\"UP\"}");
        }
    }

    @Test
    void onlyExposedEndpointsAnswerAndTheBasePathListsThem() throws Exception {
        try (ConfigurableApplicationContext app = start("management.endpoints.web.exposure.include=health,info")) {
            assertThat(get(app, "/actuator/env", null).statusCode()).isEqualTo(404);
            assertThat(get(app, "/actuator/info", null).statusCode()).isEqualTo(200);
            HttpResponse<String> links = get(app, "/actuator", null);
            assertThat(links.statusCode()).isEqualTo(200);
            assertThat(links.body()).contains("\"_links\"", "/actuator/health\"", "/actuator/info\"").doesNotContain("/actuator/env");
            assertThat(get(app, "/hello", null).body()).isEqualTo("hello");
        }
    }

    @Test
    void behindATrustedProxyTheLinksPointWhereTheClientReachesTheEndpoints() throws Exception {
        try (ConfigurableApplicationContext app = start("server.forward-headers-strategy=native")) {
            HttpResponse<String> links = send(app, HttpRequest.newBuilder(uri(app, "/actuator"))
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "ops.example")
                    .header("X-Forwarded-Prefix", "/shop"));
            assertThat(links.body()).contains("\"href\":\"https://ops.example/shop/actuator/health\"");
        }
    }

    @Test
    void theRoutesAreListedInTheMappingsEndpoint() throws Exception {
        try (ConfigurableApplicationContext app = start("management.endpoints.web.exposure.include=mappings")) {
            String mappings = get(app, "/actuator/mappings", null).body();
            assertThat(mappings).contains("\"fasthttp\":[", "\"template\":\"/hello\"", "\"method\":\"GET\"",
                    "\"handler\":\"bean 'hello' method Hello.hello(RequestCtx)\"", "\"blocking\":false")
                    .contains("{\"method\":\"POST\",\"template\":\"/uploads\",\"handler\":\"bean 'hello' method Hello.upload(InputStream)\","
                            + "\"blocking\":true,\"streaming\":true,\"timeout\":\"PT2S\"");
        }
    }

    @Test
    void writeOperationsTakeTheirArgumentsFromAJsonBody() throws Exception {
        try (ConfigurableApplicationContext app = start("management.endpoints.web.exposure.include=loggers")) {
            HttpResponse<String> set = send(app, HttpRequest.newBuilder(uri(app, "/actuator/loggers/com.example.shop"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"DEBUG\"}")));
            assertThat(set.statusCode()).isEqualTo(204);
            assertThat(get(app, "/actuator/loggers/com.example.shop", null).body()).contains("\"configuredLevel\":\"DEBUG\"");

            HttpResponse<String> invalid = send(app, HttpRequest.newBuilder(uri(app, "/actuator/loggers/com.example.shop"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":")));
            assertThat(invalid.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aManagementPortOfItsOwnServesTheEndpointsThereOnly() throws Exception {
        try (ConfigurableApplicationContext app = start("management.server.port=0", "management.server.address=127.0.0.1")) {
            int management = app.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
            int server = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(management).isPositive().isNotEqualTo(server);
            assertThat(get(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness"), null).body())
                    .isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(app, "/actuator/health", null).statusCode()).isEqualTo(404);
            assertThat(get(app, "/hello", null).body()).isEqualTo("hello");
        }
    }

    @Test
    void corsIsOffUntilOriginsAreAllowed() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            HttpResponse<String> response = send(app, HttpRequest.newBuilder(uri(app, "/actuator/health")).header("Origin", "https://admin.example"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        try (ConfigurableApplicationContext app = start("management.endpoints.web.cors.allowed-origins=https://admin.example",
                "management.endpoints.web.cors.allowed-methods=GET")) {
            HttpResponse<String> preflight = send(app, HttpRequest.newBuilder(uri(app, "/actuator/health"))
                    .header("Origin", "https://admin.example").header("Access-Control-Request-Method", "GET")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://admin.example");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET");

            HttpResponse<String> actual = send(app, HttpRequest.newBuilder(uri(app, "/actuator/health")).header("Origin", "https://admin.example"));
            assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://admin.example");

            HttpResponse<String> other = send(app, HttpRequest.newBuilder(uri(app, "/actuator/health")).header("Origin", "https://evil.example"));
            assertThat(other.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void readinessRefusesTrafficWhenShutdownBegins() {
        List<ReadinessState> states = new ArrayList<>();
        ConfigurableApplicationContext app = start();
        app.addApplicationListener((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
            if (event.getState() instanceof ReadinessState state) {
                states.add(state);
            }
        });
        app.close();
        assertThat(states).containsExactly(ReadinessState.REFUSING_TRAFFIC);
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .properties(properties).run();
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port") + path);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path, String accept) throws Exception {
        return get(uri(app, path), accept);
    }

    private static HttpResponse<String> get(URI uri, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext app, HttpRequest.Builder request) throws Exception {
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Hello hello() {
            return new Hello();
        }
    }

    static class Hello {

        @FastHttpRoute("/hello")
        void hello(RequestCtx ctx) {
            ctx.setBodyString("hello");
        }

        @FastHttpRoute(value = "/uploads", method = "POST", streaming = true, timeout = "2s")
        long upload(@RequestBody InputStream body) throws IOException {
            return body.transferTo(OutputStream.nullOutputStream());
        }
    }
}
