package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** Boot's {@code server.*} names apply where {@code fasthttp.server.*} is silent, and lose where it speaks. */
@ExtendWith(OutputCaptureExtension.class)
class BootServerPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class))
            .withUserConfiguration(FastHttpAutoConfigurationTest.Handlers.class);

    @Test
    void serverPortAndAddressBindTheServerAndThePortIsPublishedAsBootsServersPublishIt() {
        runner.withPropertyValues("server.port=0", "server.address=127.0.0.1").run(context -> {
            Server server = context.getBean(Server.class);
            assertThat(server.localAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(port).isEqualTo(server.port()).isPositive();
            assertThat(context.getEnvironment().getRequiredProperty("local.fasthttp.port", Integer.class)).isEqualTo(port);
            assertThat(FastHttpAutoConfigurationTest.get(port, "/hello")).isEqualTo("200 hello from a bean");
        });
    }

    @Test
    void fasthttpsOwnNamesWinOverBoots() {
        runner.withPropertyValues("server.port=1", "server.address=192.0.2.1", "server.max-http-request-header-size=4KB",
                        "fasthttp.server.port=0", "fasthttp.server.address=127.0.0.1",
                        "fasthttp.server.max-request-header-size=32KB")
                .run(context -> {
                    Server server = context.getBean(Server.class);
                    assertThat(server.port()).isPositive();
                    assertThat(server.localAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
                    assertThat(server.settings().maxRequestHeaderSize()).isEqualTo(32 * 1024);
                });
    }

    @Test
    void maxHttpRequestHeaderSizeLimitsTheHead() {
        runner.withPropertyValues("server.port=0", "server.address=127.0.0.1", "server.max-http-request-header-size=4KB")
                .run(context -> assertThat(context.getBean(Server.class).settings().maxRequestHeaderSize()).isEqualTo(4 * 1024));
    }

    @Test
    void withoutEitherNameTheEnginesDefaultsHold() {
        BootServerProperties boot = boot(new MockEnvironment());
        assertThat(boot.port()).isEqualTo(8080);
        assertThat(boot.address()).isNull();
        assertThat(boot.maxRequestHeaderSize()).isEqualTo(DataSize.ofKilobytes(16));
        assertThat(boot.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shutdownFollowsServerShutdownAndTheLifecycleTimeoutUnlessFasthttpSetsItsOwn() throws Exception {
        assertThat(shutdownTimeout(new MockEnvironment().withProperty("server.shutdown", "immediate"))).isZero();
        assertThat(shutdownTimeout(new MockEnvironment().withProperty("server.shutdown", "graceful")
                .withProperty("spring.lifecycle.timeout-per-shutdown-phase", "5s"))).isEqualTo(Duration.ofSeconds(5));
        assertThat(shutdownTimeout(new MockEnvironment().withProperty("server.shutdown", "immediate")
                .withProperty("fasthttp.server.shutdown-timeout", "3s"))).isEqualTo(Duration.ofSeconds(3));
        assertThat(boot(new MockEnvironment().withProperty("server.address", "127.0.0.1")).address())
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void startAndGracefulShutdownAreLoggedInBootsWords(CapturedOutput output) {
        runner.withPropertyValues("server.port=0", "server.address=127.0.0.1", "fasthttp.server.event-loops=2")
                .run(context -> assertThat(output).contains(
                        "fasthttp started on port " + context.getBean(Server.class).port() + " (http) with 2 event loops"));
        assertThat(output).contains("Commencing graceful shutdown. Waiting for active requests to complete",
                "Graceful shutdown complete");
    }

    @Test
    void anImmediateShutdownDoesNotWait(CapturedOutput output) {
        runner.withPropertyValues("server.port=0", "server.address=127.0.0.1", "server.shutdown=immediate")
                .run(context -> assertThat(context.getBean(Server.class).isRunning()).isTrue());
        assertThat(output).doesNotContain("Commencing graceful shutdown");
    }

    @Test
    void tlsAskedForIsRefusedRatherThanServedAsPlainHttp() {
        runner.withPropertyValues("server.port=0", "server.ssl.bundle=web")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("server.ssl.* is set, but fasthttp serves plain HTTP only"));
        runner.withPropertyValues("server.port=0", "server.address=127.0.0.1", "server.ssl.enabled=false",
                        "server.ssl.bundle=web")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void compressionAndHttp2AreReportedAsNotApplied(CapturedOutput output) {
        runner.withPropertyValues("server.port=0", "server.address=127.0.0.1", "server.compression.enabled=true",
                        "server.http2.enabled=true")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("server.compression.enabled=true is not applied: fasthttp sends responses uncompressed",
                "server.http2.enabled=true is not applied: fasthttp speaks HTTP/1.1");
    }

    private static Duration shutdownTimeout(MockEnvironment environment) {
        return boot(environment).shutdownTimeout();
    }

    /** As the auto-configuration sees it: fasthttp's properties bound from the same environment. */
    private static BootServerProperties boot(MockEnvironment environment) {
        return new BootServerProperties(environment,
                Binder.get(environment).bindOrCreate("fasthttp.server", FastHttpProperties.class));
    }
}
