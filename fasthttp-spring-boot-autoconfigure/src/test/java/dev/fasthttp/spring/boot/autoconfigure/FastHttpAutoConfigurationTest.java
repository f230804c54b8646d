package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.Server;
import dev.fasthttp.ServerSettings;
import dev.fasthttp.routing.Route;
import dev.fasthttp.spring.boot.FastHttpRoute;
import dev.fasthttp.spring.boot.FastHttpServerCustomizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class FastHttpAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class))
            .withPropertyValues("fasthttp.server.port=0", "fasthttp.server.address=127.0.0.1");

    @Test
    void configuresAndStartsTheServerWithTheContext() {
        runner.withUserConfiguration(Handlers.class).run(context -> {
            assertThat(context).hasSingleBean(Server.class).hasSingleBean(FastHttpServerLifecycle.class);
            Server server = context.getBean(Server.class);
            assertThat(server.isRunning()).isTrue();
            int port = context.getEnvironment().getRequiredProperty("local.fasthttp.port", Integer.class);
            assertThat(port).isEqualTo(server.port()).isPositive();
            assertThat(get(port, "/hello")).isEqualTo("200 hello from a bean");
            assertThat(get(port, "/methods/7")).isEqualTo("200 method 7");
        });
    }

    @Test
    void stopsTheServerWhenTheContextCloses() {
        Server[] server = new Server[1];
        runner.withUserConfiguration(Handlers.class).run(context -> server[0] = context.getBean(Server.class));
        assertThat(server[0].isRunning()).isFalse();
    }

    @Test
    void bindsEveryProperty() {
        runner.withPropertyValues(
                "fasthttp.server.name=edge", "fasthttp.server.read-buffer-size=8KB", "fasthttp.server.write-buffer-size=16KB",
                "fasthttp.server.max-request-header-size=32KB", "fasthttp.server.max-request-uri-length=2KB",
                "fasthttp.server.max-request-body-size=10MB", "fasthttp.server.max-multipart-parts=50",
                "fasthttp.server.max-multipart-part-header-size=4KB", "fasthttp.server.max-connections=1000",
                "fasthttp.server.max-connections-per-ip=20", "fasthttp.server.max-requests-per-connection=500",
                "fasthttp.server.read-timeout=5s", "fasthttp.server.write-timeout=6s", "fasthttp.server.idle-timeout=7s",
                "fasthttp.server.keep-alive=false", "fasthttp.server.no-default-server-header=true",
                "fasthttp.server.no-default-date=true", "fasthttp.server.no-default-content-type=true",
                "fasthttp.server.normalize-path=false", "fasthttp.server.event-loops=3", "fasthttp.server.backlog=77",
                "fasthttp.server.stall-warning-threshold=250ms", "fasthttp.server.shutdown-timeout=3s")
                .run(context -> {
                    ServerSettings s = context.getBean(Server.class).settings();
                    assertThat(s.name()).isEqualTo("edge");
                    assertThat(s.readBufferSize()).isEqualTo(8 * 1024);
                    assertThat(s.writeBufferSize()).isEqualTo(16 * 1024);
                    assertThat(s.maxRequestHeaderSize()).isEqualTo(32 * 1024);
                    assertThat(s.maxRequestUriLength()).isEqualTo(2 * 1024);
                    assertThat(s.maxRequestBodySize()).isEqualTo(10 * 1024 * 1024);
                    assertThat(s.maxMultipartParts()).isEqualTo(50);
                    assertThat(s.maxMultipartPartHeaderSize()).isEqualTo(4 * 1024);
                    assertThat(s.maxConnections()).isEqualTo(1000);
                    assertThat(s.maxConnectionsPerIp()).isEqualTo(20);
                    assertThat(s.maxRequestsPerConnection()).isEqualTo(500);
                    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(s.writeTimeout()).isEqualTo(Duration.ofSeconds(6));
                    assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(s.keepAlive()).isFalse();
                    assertThat(s.noDefaultServerHeader()).isTrue();
                    assertThat(s.noDefaultDate()).isTrue();
                    assertThat(s.noDefaultContentType()).isTrue();
                    assertThat(s.normalizePath()).isFalse();
                    assertThat(s.eventLoops()).isEqualTo(3);
                    assertThat(s.backlog()).isEqualTo(77);
                    assertThat(s.stallWarningThreshold()).isEqualTo(Duration.ofMillis(250));
                    assertThat(context.getBean(FastHttpProperties.class).getShutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void customizersRunAfterThePropertiesInOrder() {
        runner.withUserConfiguration(Customizers.class).withPropertyValues("fasthttp.server.name=from-properties").run(context -> {
            assertThat(context.getBean(Server.class).settings().name()).isEqualTo("second");
            assertThat(context.getBean(Customizers.class).seen).containsExactly("from-properties", "first");
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnServer() {
        runner.withUserConfiguration(OwnServer.class).run(context -> {
            assertThat(context).hasSingleBean(Server.class);
            Server server = context.getBean(Server.class);
            assertThat(server.settings().name()).isEqualTo("mine");
            assertThat(server.isRunning()).as("still started with the context").isTrue();
        });
    }

    @Test
    void canBeTurnedOff() {
        runner.withPropertyValues("fasthttp.server.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Server.class).doesNotHaveBean(FastHttpServerLifecycle.class));
    }

    @Test
    void twoHandlersForTheSameRouteFailStartupNamingBoth() {
        runner.withUserConfiguration(Handlers.class, Duplicate.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("two handlers claim GET /hello")
                    .hasMessageContaining("bean 'helloHandler'")
                    .hasMessageContaining("bean 'duplicateHello'");
        });
    }

    @Test
    void routeBeansAreServedToo() {
        runner.withUserConfiguration(RouteBean.class).run(context -> {
            int port = context.getBean(Server.class).port();
            assertThat(get(port, "/from-route-bean")).isEqualTo("200 route bean");
            assertThat(get(port, "/nope")).startsWith("404");
        });
    }

    @Test
    void aTakenPortFailsStartupNamingTheProperty() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            runner.withPropertyValues("fasthttp.server.port=" + taken.getLocalPort()).run(context -> {
                assertThat(context).hasFailed();
                Throwable failure = context.getStartupFailure();
                while (failure != null && !(failure instanceof FastHttpPortInUseException)) {
                    failure = failure.getCause();
                }
                assertThat(failure).isInstanceOf(FastHttpPortInUseException.class);
                String analysis = new FastHttpPortInUseFailureAnalyzer().analyze(failure).getAction();
                assertThat(analysis).contains("set server.port", "fasthttp.server.port", String.valueOf(taken.getLocalPort()));
            });
        }
    }

    static String get(int port, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        HelloHandler helloHandler() {
            return new HelloHandler();
        }

        @Bean
        MethodRoutes methodRoutes() {
            return new MethodRoutes();
        }
    }

    @FastHttpRoute("/hello")
    static class HelloHandler implements RequestHandler {
        @Override
        public void handle(RequestCtx ctx) {
            ctx.setBodyString("hello from a bean");
        }
    }

    static class MethodRoutes {
        @FastHttpRoute("/methods/{id}")
        void method(RequestCtx ctx) {
            ctx.write("method ").write(ctx.pathParam("id"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Duplicate {
        @Bean
        HelloHandler duplicateHello() {
            return new HelloHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RouteBean {
        @Bean
        Route fromRouteBean() {
            return Route.get("/from-route-bean", ctx -> ctx.setBodyString("route bean"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnServer {
        @Bean
        Server server() {
            return Server.builder().name("mine").host("127.0.0.1").port(0).handler(RequestCtx::notFound).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        final List<String> seen = new ArrayList<>();

        @Bean
        @Order(2)
        FastHttpServerCustomizer second() {
            return b -> {
                seen.add(b.build().settings().name());
                b.name("second");
            };
        }

        @Bean
        @Order(1)
        FastHttpServerCustomizer first() {
            return b -> {
                seen.add(b.build().settings().name());
                b.name("first");
            };
        }
    }
}
