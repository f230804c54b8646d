package dev.fasthttp.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.Server;
import dev.fasthttp.spring.boot.LocalFastHttpPort;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The sample as a user runs it: the starter's server on a free port, called over real sockets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"fasthttp.server.port=0", "fasthttp.server.address=127.0.0.1", "fasthttp.server.event-loops=1",
                "fasthttp.metrics.requests.enabled=true"})
class HelloSpringTest {

    @LocalFastHttpPort
    int port;

    @Autowired
    Server server;

    @Autowired
    MeterRegistry registry;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void servesTheRoutesOfTheAnnotatedBean() throws Exception {
        HttpResponse<String> plaintext = send(request("/plaintext"));
        assertThat(plaintext.statusCode()).isEqualTo(200);
        assertThat(plaintext.body()).isEqualTo("Hello, World!");
        assertThat(plaintext.headers().firstValue("Content-Type")).hasValue("text/plain");
        HttpResponse<String> json = send(request("/json"));
        assertThat(json.body()).isEqualTo("{\"message\":\"Hello, World!\"}");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        HttpResponse<String> echo = send(request("/echo").header("Content-Type", "text/x-test")
                .POST(HttpRequest.BodyPublishers.ofString("echo me")));
        assertThat(echo.body()).isEqualTo("echo me");
        assertThat(echo.headers().firstValue("Content-Type")).hasValue("text/x-test");
    }

    @Test
    void pathParametersNotFoundAndMethodNotAllowed() throws Exception {
        assertThat(send(request("/users/42")).body()).isEqualTo("user 42");
        assertThat(send(request("/users/caf%C3%A9")).body()).isEqualTo("user caf\u00e9");
        assertThat(send(request("/nope")).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send(request("/plaintext").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void requestCounterRisesByExactlyTheRequestsSent() throws Exception {
        double before = successes();
        for (int i = 0; i < 25; i++) {
            assertThat(send(request("/plaintext")).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(successes() - before).isEqualTo(25));
    }

    @Test
    void openConnectionsShowInTheActiveGauge() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port));
                open.add(s);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(registry.get("fasthttp.server.connections.active").gauge().value()).isGreaterThanOrEqualTo(5));
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void prometheusScrapesTheServerAndRouteMetrics() throws Exception {
        send(request("/users/7"));
        HttpResponse<String> scrape = send(request("/metrics"));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(scrape.body())
                .contains("fasthttp_server_requests_total{outcome=\"SUCCESS\",status=\"2xx\"}")
                .contains("fasthttp_server_connections_active")
                .contains("fasthttp_server_connections_accepted_total")
                .contains("http_server_requests_seconds_count{exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/users/{id}\"}");
    }

    /**
     * The core's promise, through the Spring-configured server with metrics on (counters and the
     * per-route timer): after warm-up, a keep-alive GET allocates nothing on the event loop.
     */
    @Test
    void keepAliveRequestsAllocateNothingOnTheEventLoopWithMetricsOn() throws Exception {
        EventLoopAllocations.Result result = EventLoopAllocations.perRequest(port, "/users/42");
        System.out.printf("Spring-configured server, request timers: %.4f B/request%n", result.bytesPerRequest());
        assertThat(result.bytesPerRequest()).isLessThan(1.0);
        assertThat(result.response()).startsWith("HTTP/1.1 200").endsWith("user 42");
    }

    /** Typed arguments that need no object: a long from the path, an int from the query, a view returned. */
    @Test
    void typedRoutesWithPrimitiveArgumentsAndViewResultsAllocateNothing() throws Exception {
        EventLoopAllocations.Result parity = EventLoopAllocations.perRequest(port, "/typed/parity/41?plus=1");
        System.out.printf("Typed route, @PathVariable long and @RequestParam int, void: %.4f B/request%n", parity.bytesPerRequest());
        assertThat(parity.response()).startsWith("HTTP/1.1 200").endsWith("even");
        assertThat(parity.bytesPerRequest()).isLessThan(1.0);

        EventLoopAllocations.Result echo = EventLoopAllocations.perRequest(port, "/typed/echo/hello");
        System.out.printf("Typed route, @PathVariable ByteView returned: %.4f B/request%n", echo.bytesPerRequest());
        assertThat(echo.response()).startsWith("HTTP/1.1 200").endsWith("hello");
        assertThat(echo.bytesPerRequest()).isLessThan(1.0);
    }

    /** What JSON costs per request, stated: the record, the mapper's generator and parser, the text of the name. */
    @Test
    void jsonInAndOutCostsAreStated() throws Exception {
        EventLoopAllocations.Result out = EventLoopAllocations.perRequest(port, "/typed/users/42");
        System.out.printf("Typed route, a small record out as JSON: %.1f B/request%n", out.bytesPerRequest());
        assertThat(out.response()).endsWith("{\"id\":42,\"name\":\"user 42\"}");
        String body = "{\"id\":7,\"name\":\"ada\"}";
        EventLoopAllocations.Result inAndOut = EventLoopAllocations.perRequestOf(port, "POST /typed/users HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        System.out.printf("Typed route, a small record in and out as JSON: %.1f B/request%n", inAndOut.bytesPerRequest());
        assertThat(inAndOut.response()).endsWith(body);
        assertThat(out.bytesPerRequest()).isLessThan(4096);
        assertThat(inAndOut.bytesPerRequest()).isLessThan(8192);
    }

    private double successes() {
        return registry.get("fasthttp.server.requests").tag("status", "2xx").functionCounter().count();
    }
}
