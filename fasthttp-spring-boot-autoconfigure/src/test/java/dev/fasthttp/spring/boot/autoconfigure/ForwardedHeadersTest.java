package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** server.forward-headers-strategy=native believes local proxies; fasthttp.server.trusted-proxies names others. */
class ForwardedHeadersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class))
            .withBean(Route.class, () -> Route.get("/who", ctx -> ctx.setBodyString(
                    ctx.remoteAddr().getAddress().getHostAddress() + " " + ctx.isTLS() + " " + ctx.host())))
            .withPropertyValues("server.port=0", "server.address=127.0.0.1");

    @Test
    void nativeStrategyBelievesTheLocalProxy() {
        runner.withPropertyValues("server.forward-headers-strategy=native")
                .run(context -> assertThat(who(context.getBean(Server.class))).isEqualTo("203.0.113.7 true shop.example"));
    }

    @Test
    void withoutAStrategyOrWithFrameworkTheHeadersAreIgnored() {
        runner.run(context -> assertThat(who(context.getBean(Server.class))).startsWith("127.0.0.1 false 127.0.0.1:"));
        runner.withPropertyValues("server.forward-headers-strategy=framework")
                .run(context -> assertThat(who(context.getBean(Server.class))).startsWith("127.0.0.1 false"));
    }

    @Test
    void fasthttpsTrustedProxiesWinOverTheStrategysDefaults() {
        runner.withPropertyValues("server.forward-headers-strategy=native", "fasthttp.server.trusted-proxies=10.0.0.0/8")
                .run(context -> assertThat(who(context.getBean(Server.class))).startsWith("127.0.0.1 false"));
        runner.withPropertyValues("fasthttp.server.trusted-proxies=127.0.0.1,::1")
                .run(context -> assertThat(who(context.getBean(Server.class))).isEqualTo("203.0.113.7 true shop.example"));
    }

    private static String who(Server server) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/who")).timeout(Duration.ofSeconds(10))
                        .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "shop.example").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
