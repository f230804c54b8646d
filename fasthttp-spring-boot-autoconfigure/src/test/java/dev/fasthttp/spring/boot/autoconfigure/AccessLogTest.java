package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The access log: off by default, Common and Combined formats and Tomcat's pattern codes, written off the loop. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest {

    private static final String TIME = "\\[\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\]";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class))
            .withUserConfiguration(FastHttpAutoConfigurationTest.Handlers.class)
            .withPropertyValues("server.port=0", "server.address=127.0.0.1");

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AccessLog.class));
    }

    @Test
    void commonFormat(CapturedOutput output) {
        runner.withPropertyValues("fasthttp.server.accesslog.enabled=true").run(context -> {
            send(context.getBean(Server.class).port(), "/hello?x=1");
            awaitLine(output, "127\\.0\\.0\\.1 - - " + TIME + " \"GET /hello\\?x=1 HTTP/1\\.1\" 200 17");
        });
    }

    @Test
    void combinedFormat(CapturedOutput output) {
        runner.withPropertyValues("fasthttp.server.accesslog.enabled=true", "fasthttp.server.accesslog.pattern=combined")
                .run(context -> {
                    send(context.getBean(Server.class).port(), "/nope");
                    awaitLine(output, "127\\.0\\.0\\.1 - - " + TIME
                            + " \"GET /nope HTTP/1\\.1\" 404 \\d+ \"https://ref\\.example/\" \"access-log-test\"");
                });
    }

    @Test
    void tomcatsCodes(CapturedOutput output) {
        runner.withPropertyValues("fasthttp.server.accesslog.enabled=true",
                        "fasthttp.server.accesslog.pattern=%m %U%q %H %s %B %{X-Request-Id}i %{Content-Type}o %{X-None}i %D ms 100%%")
                .withBean(Route.class, () -> Route.get("/typed", ctx -> ctx.success("application/json", "{}")))
                .run(context -> {
                    send(context.getBean(Server.class).port(), "/typed?a=b");
                    awaitLine(output, "GET /typed\\?a=b HTTP/1\\.1 200 2 req-42 application/json - \\d+ ms 100%");
                });
    }

    @Test
    void anUnknownCodeFailsStartUpNamingIt() {
        runner.withPropertyValues("fasthttp.server.accesslog.enabled=true", "fasthttp.server.accesslog.pattern=%h %Z")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("unknown code %Z"));
    }

    @Test
    void theWriterIsAVirtualThreadWhenSpringThreadsAre() {
        runner.withPropertyValues("fasthttp.server.accesslog.enabled=true", "spring.threads.virtual.enabled=true")
                .run(context -> assertThat(context.getBean(AccessLog.class).writesOnAVirtualThread()).isTrue());
        runner.withPropertyValues("fasthttp.server.accesslog.enabled=true")
                .run(context -> assertThat(context.getBean(AccessLog.class).writesOnAVirtualThread()).isFalse());
    }

    private static void awaitLine(CapturedOutput output, String regex) {
        // Logback's default layout ends the logger name with " -- ", Boot's with " : ".
        Pattern line = Pattern.compile("dev\\.fasthttp\\.accesslog\\s+(?:--|:) " + regex + "$", Pattern.MULTILINE);
        await().atMost(Duration.ofSeconds(10)).until(() -> line.matcher(output.getOut()).find());
    }

    private static void send(int port, String path) throws Exception {
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                        .header("Referer", "https://ref.example/").header("User-Agent", "access-log-test")
                        .header("X-Request-Id", "req-42").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
