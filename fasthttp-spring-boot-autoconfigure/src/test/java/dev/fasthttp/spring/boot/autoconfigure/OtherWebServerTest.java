package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * With another web server in the application (Boot's servlet or reactive context), fasthttp fails
 * start-up naming both, unless told to run beside it on a port of its own.
 */
class OtherWebServerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner(ContextWithTomcat::new)
            .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class))
            .withUserConfiguration(FastHttpAutoConfigurationTest.Handlers.class)
            .withBean(TomcatServletWebServerFactory.class);

    @Test
    void startUpFailsNamingBothServers() {
        runner.run(context -> {
            FastHttpWithAnotherWebServerException failure = failure(context.getStartupFailure());
            assertThat(failure.getOtherServer()).isEqualTo("Tomcat");
            FailureAnalysis analysis = new FastHttpWithAnotherWebServerFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("fasthttp", "Tomcat", "spring-boot-starter-web");
            assertThat(analysis.getAction()).contains("fasthttp.server.enabled=true", "fasthttp.server.port");
        });
    }

    @Test
    void runningBesideItNeedsAPortOfItsOwn() {
        runner.withPropertyValues("fasthttp.server.enabled=true").run(context -> {
            FastHttpWithAnotherWebServerException failure = failure(context.getStartupFailure());
            assertThat(failure.isEnabledWithoutPort()).isTrue();
            assertThat(new FastHttpWithAnotherWebServerFailureAnalyzer().analyze(failure).getAction())
                    .contains("fasthttp.server.port", "server.port belongs to Tomcat");
        });
    }

    @Test
    void toldToRunBesideItOnItsOwnPortFasthttpLeavesBootsServerNamesToTheOther() {
        runner.withPropertyValues("fasthttp.server.enabled=true", "fasthttp.server.port=0", "server.port=1",
                        "server.address=192.0.2.1", "fasthttp.server.address=127.0.0.1",
                        "server.max-http-request-header-size=1KB")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Server server = context.getBean(Server.class);
                    assertThat(server.port()).isPositive();
                    assertThat(server.settings().maxRequestHeaderSize()).isEqualTo(16 * 1024);
                    assertThat(FastHttpAutoConfigurationTest.get(server.port(), "/hello")).isEqualTo("200 hello from a bean");
                });
    }

    @Test
    void withoutAnotherServerNothingChanges() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class))
                .withPropertyValues("server.port=0", "server.address=127.0.0.1")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Server.class));
    }

    private static FastHttpWithAnotherWebServerException failure(Throwable startup) {
        Throwable t = startup;
        while (t != null && !(t instanceof FastHttpWithAnotherWebServerException)) {
            t = t.getCause();
        }
        assertThat(t).as("start-up failure").isInstanceOf(FastHttpWithAnotherWebServerException.class);
        return (FastHttpWithAnotherWebServerException) t;
    }

    /** What Boot creates for a servlet application: a context that runs a web server of its own. */
    static class ContextWithTomcat extends AnnotationConfigApplicationContext implements WebServerApplicationContext {

        @Override
        public WebServer getWebServer() {
            return null;
        }

        @Override
        public String getServerNamespace() {
            return null;
        }
    }

    /** Named as Boot's Tomcat factory is: the failure names the server after it. */
    static class TomcatServletWebServerFactory implements WebServerFactory {
    }
}
