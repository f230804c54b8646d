package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.DoneReason;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.Server;
import dev.fasthttp.TimeoutHandler;
import dev.fasthttp.TimeoutKind;
import dev.fasthttp.spring.boot.FastHttpRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code @FastHttpRoute(timeout = ...)}: per-route time limits, as Spring Boot writes durations. */
class RouteTimeoutTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class))
            .withPropertyValues("fasthttp.server.port=0", "fasthttp.server.address=127.0.0.1");

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRouteThatOverrunsItsTimeoutIsAnswered503AndItsHandlerIsInterrupted() {
        runner.withUserConfiguration(TimedConfig.class).run(context -> {
            assertThat(context).hasNotFailed();
            int port = context.getBean(Server.class).port();
            TimedRoutes routes = context.getBean(TimedRoutes.class);

            long begin = System.nanoTime();
            HttpResponse<String> slow = get(port, "/slow");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            assertThat(slow.statusCode()).isEqualTo(503);
            assertThat(slow.body()).contains(TimeoutHandler.DEFAULT_MESSAGE);
            assertThat(tookMillis).isBetween(250L, 5_000L);
            assertThat(routes.slowEnded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(routes.slowSaw.get()).isEqualTo("interrupted " + DoneReason.TIMEOUT);

            HttpResponse<String> quick = get(port, "/quick");
            assertThat(quick.statusCode()).isEqualTo(200);
            assertThat(quick.body()).isEqualTo("virtual=true");

            HttpResponse<String> typed = get(port, "/typed/7");
            assertThat(typed.statusCode()).isEqualTo(200);
            assertThat(typed.body()).isEqualTo("typed 7");
            assertThat(get(port, "/typed/0").statusCode()).as("a typed method that overruns").isEqualTo(503);

            assertThat(get(port, "/slow-bean").statusCode()).as("a handler bean that overruns").isEqualTo(503);
            assertThat(context.getBean(Server.class).stats().timeouts(TimeoutKind.HANDLER)).isEqualTo(3);
        });
    }

    @Test
    void aMalformedTimeoutFailsStartUpNamingTheRouteAndTheBean() {
        runner.withUserConfiguration(MalformedTimeout.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("timeout = \"two seconds\"")
                    .hasMessageContaining("/malformed")
                    .hasMessageContaining("Malformed.handle")
                    .hasMessageContaining("is not a duration");
        });
    }

    @Test
    void aTimeoutThatIsNotPositiveFailsStartUp() {
        runner.withUserConfiguration(ZeroTimeout.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("the timeout must be positive");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class TimedConfig {

        @Bean
        TimedRoutes timedRoutes() {
            return new TimedRoutes();
        }

        @Bean
        SlowBean slowBean() {
            return new SlowBean();
        }
    }

    static class TimedRoutes {

        final CountDownLatch slowEnded = new CountDownLatch(1);
        final AtomicReference<String> slowSaw = new AtomicReference<>();

        @FastHttpRoute(value = "/slow", timeout = "300ms")
        void slow(RequestCtx ctx) {
            try {
                Thread.sleep(10_000);
                slowSaw.set("slept");
            } catch (InterruptedException e) {
                slowSaw.set("interrupted " + ctx.doneReason());
            }
            slowEnded.countDown();
        }

        @FastHttpRoute(value = "/quick", timeout = "2s")
        void quick(RequestCtx ctx) {
            ctx.setBodyString("virtual=" + Thread.currentThread().isVirtual());
        }

        @FastHttpRoute(value = "/typed/{id}", timeout = "PT0.3S")
        String typed(@PathVariable long id) throws InterruptedException {
            if (id == 0) {
                Thread.sleep(10_000);
            }
            return "typed " + id;
        }
    }

    @FastHttpRoute(value = "/slow-bean", timeout = "300")
    static class SlowBean implements RequestHandler {
        @Override
        public void handle(RequestCtx ctx) throws InterruptedException {
            Thread.sleep(10_000);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MalformedTimeout {
        @Bean
        Malformed malformed() {
            return new Malformed();
        }
    }

    static class Malformed {
        @FastHttpRoute(value = "/malformed", timeout = "two seconds")
        void handle(RequestCtx ctx) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ZeroTimeout {
        @Bean
        Zero zero() {
            return new Zero();
        }
    }

    static class Zero {
        @FastHttpRoute(value = "/zero", timeout = "0s")
        void handle(RequestCtx ctx) {
        }
    }
}
