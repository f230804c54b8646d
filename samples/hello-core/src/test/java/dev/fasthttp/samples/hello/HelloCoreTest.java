package dev.fasthttp.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample's routes, served by a real server on a free port and called with the JDK's HttpClient. */
class HelloCoreTest {

    private static Server server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = Server.builder().handler(HelloCore::handle).host("127.0.0.1").port(0).build().start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        server.shutdown(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void plaintext() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/plaintext")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(r.body()).isEqualTo("Hello, World!");
    }

    @Test
    void json() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/json")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"message\":\"Hello, World!\"}");
    }

    @Test
    void echoReturnsTheBodyWithTheRequestContentType() throws Exception {
        String body = "héllo ".repeat(2000);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/echo"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.body()).isEqualTo(body);
    }

    @Test
    void unknownPathsAndWrongMethods() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/nope"))).statusCode()).isEqualTo(404);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/echo")));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }
}
