package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.ErrorHandler;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.Server;
import dev.fasthttp.spring.boot.FastHttpRoute;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Error bodies as Boot's servers write them: JSON, problem details or text, by what the client accepts. */
class ErrorResponsesTest {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class))
            .withUserConfiguration(Failing.class)
            .withPropertyValues("server.port=0", "server.address=127.0.0.1");

    @Test
    void aMissIsBootsJsonForAJsonClientOrOneThatTakesAnything() {
        runner.run(context -> {
            int port = context.getBean(Server.class).port();
            for (String accept : new String[] {"application/json", "*/*", null}) {
                HttpResponse<String> r = send(port, "GET", "/nope", accept);
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(r.body()).matches("\\{\"timestamp\":\"" + TIMESTAMP
                        + "\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/nope\"}");
            }
        });
    }

    @Test
    void aClientThatTakesNoJsonGetsTheReasonAsText() {
        runner.run(context -> {
            HttpResponse<String> r = send(context.getBean(Server.class).port(), "GET", "/nope", "text/html");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(r.body()).isEqualTo("Not Found");
        });
    }

    @Test
    void aWrongMethodIsJsonAndStillSaysWhatIsAllowed() {
        runner.run(context -> {
            HttpResponse<String> r = send(context.getBean(Server.class).port(), "DELETE", "/fails", "application/json");
            assertThat(r.statusCode()).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(r.body()).contains("\"status\":405,\"error\":\"Method Not Allowed\",\"path\":\"/fails\"");
        });
    }

    @Test
    void aFailedHandlerIs500WithoutItsMessageUnlessToldToIncludeIt() {
        runner.run(context -> {
            HttpResponse<String> r = send(context.getBean(Server.class).port(), "GET", "/fails", "application/json");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"/fails\"")
                    .doesNotContain("message", "boom");
        });
        runner.withPropertyValues("server.error.include-message=always").run(context -> {
            HttpResponse<String> r = send(context.getBean(Server.class).port(), "GET", "/fails", "application/json");
            assertThat(r.body()).contains("\"message\":\"boom: \\\"quoted\\\"\\nand a line\"");
        });
    }

    @Test
    void problemDetailsWhenAskedForOrWhenEnabled() {
        runner.run(context -> {
            HttpResponse<String> r = send(context.getBean(Server.class).port(), "GET", "/nope", "application/problem+json");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).isEqualTo(
                    "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"instance\":\"/nope\"}");
        });
        runner.withPropertyValues("spring.mvc.problemdetails.enabled=true", "server.error.include-message=always").run(context -> {
            HttpResponse<String> r = send(context.getBean(Server.class).port(), "GET", "/fails", "application/json");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                    + "\"detail\":\"boom: \\\"quoted\\\"\\nand a line\",\"instance\":\"/fails\"}");
        });
    }

    @Test
    void aRequestTheParserRefusesKeepsItsPlainForm() {
        runner.run(context -> {
            try (Socket socket = new Socket("127.0.0.1", context.getBean(Server.class).port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write("GET /nope HTTP/1.1\r\nAccept: application/json\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // no Host
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(response).startsWith("HTTP/1.1 400 ").contains("text/plain").doesNotContain("{");
            }
        });
    }

    @Test
    void anErrorHandlerBeanOfTheApplicationReplacesBootsBodiesFor500And404And405() {
        runner.withBean(ErrorHandler.class, () -> (ctx, error) -> ctx.setBodyString("own " + error.status())).run(context -> {
            HttpResponse<String> r = send(context.getBean(Server.class).port(), "GET", "/fails", "application/json");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("own 500");
            assertThat(send(context.getBean(Server.class).port(), "GET", "/nope", null).body()).isEqualTo("own 404");
            HttpResponse<String> wrongMethod = send(context.getBean(Server.class).port(), "DELETE", "/fails", null);
            assertThat(wrongMethod.body()).isEqualTo("own 405");
            assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, HEAD");
        });
    }

    private static HttpResponse<String> send(int port, String method, String path, String accept) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    static class Failing {

        @Bean
        FailingRoutes failingRoutes() {
            return new FailingRoutes();
        }
    }

    static class FailingRoutes {

        @FastHttpRoute("/fails")
        void fails(RequestCtx ctx) {
            throw new IllegalStateException("boom: \"quoted\"\nand a line");
        }
    }
}
