package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.spring.boot.FastHttpRoute;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Requests observed as Boot's servers observe them: http.server.requests by route template, and
 * the caller's W3C trace continued, current in the handler and in the log's MDC, on the event
 * loop and on a blocking route's virtual thread alike.
 */
class ObservedRequestsTest {

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void everyRequestIsTimedByRouteTemplateStatusAndException() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(get(app, "/users/42", null).statusCode()).isEqualTo(200);
            assertThat(get(app, "/users/43", null).statusCode()).isEqualTo(200);
            assertThat(get(app, "/fails", null).statusCode()).isEqualTo(500);
            assertThat(get(app, "/nowhere", null).statusCode()).isEqualTo(404);

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            // The observation stops once the response is written, which the client may see first.
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(timer(meters, "/users/{id}", "200", "none", "SUCCESS").count()).isEqualTo(2);
                assertThat(timer(meters, "/fails", "500", "IllegalStateException", "SERVER_ERROR").count()).isEqualTo(1);
                assertThat(timer(meters, "NOT_FOUND", "404", "none", "CLIENT_ERROR").count()).isEqualTo(1);
            });
        }
    }

    @Test
    void theCallersTraceIsContinuedOnTheEventLoopAndOnABlockingRoute() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(get(app, "/trace", TRACEPARENT).body()).isEqualTo(TRACE_ID + " " + TRACE_ID);
            assertThat(get(app, "/trace/blocking", TRACEPARENT).body()).isEqualTo(TRACE_ID + " " + TRACE_ID);
            String fresh = get(app, "/trace", null).body();
            assertThat(fresh).doesNotContain(TRACE_ID).matches("([0-9a-f]{16}|[0-9a-f]{32}) \\1");
        }
    }

    @Test
    void offWhenTheAllocationFreeTimersAreChosen() throws Exception {
        try (ConfigurableApplicationContext app = start("fasthttp.metrics.requests.enabled=true")) {
            assertThat(app.getBeanNamesForType(ObservedRequests.class)).isEmpty();
            assertThat(get(app, "/trace", TRACEPARENT).body()).isEqualTo("none none");
            get(app, "/users/1", null);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(timer(meters, "/users/{id}", "200", "none", "SUCCESS").count()).isEqualTo(1));
        }
    }

    private static Timer timer(MeterRegistry meters, String uri, String status, String exception, String outcome) {
        return meters.get("http.server.requests").tag("uri", uri).tag("status", status).tag("exception", exception)
                .tag("outcome", outcome).tag("method", "GET").timer();
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "management.tracing.sampling.probability=1.0")
                .properties(properties).run();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port") + path));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Handlers handlers(ObjectProvider<Tracer> tracer) {
            return new Handlers(tracer);
        }
    }

    static class Handlers {

        private final ObjectProvider<Tracer> tracer;

        Handlers(ObjectProvider<Tracer> tracer) {
            this.tracer = tracer;
        }

        @FastHttpRoute("/users/{id}")
        void user(RequestCtx ctx) {
            ctx.setBodyString("user " + ctx.pathParam("id"));
        }

        @FastHttpRoute("/fails")
        void fails(RequestCtx ctx) {
            throw new IllegalStateException("broken");
        }

        @FastHttpRoute("/trace")
        void trace(RequestCtx ctx) {
            ctx.setBodyString(currentTraceId() + " " + logTraceId());
        }

        @FastHttpRoute(value = "/trace/blocking", blocking = true)
        void traceBlocking(RequestCtx ctx) throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(1); // a blocking route may block: the span must survive it
            ctx.setBodyString(currentTraceId() + " " + logTraceId());
        }

        private String currentTraceId() {
            Span span = tracer.getObject().currentSpan();
            return span == null ? "none" : span.context().traceId();
        }

        private static String logTraceId() {
            String id = MDC.get("traceId");
            return id == null ? "none" : id;
        }
    }
}
