package dev.fasthttp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.ResponseObserver;
import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class FastHttpMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FastHttpAutoConfiguration.class, FastHttpMetricsAutoConfiguration.class,
                    FastHttpPrometheusAutoConfiguration.class))
            .withPropertyValues("fasthttp.server.port=0", "fasthttp.server.address=127.0.0.1");

    @Test
    void bindsTheServerCountersAndServesRequestsCountedByStatusClass() {
        runner.withUserConfiguration(SimpleRegistry.class).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(FastHttpMeterBinder.class).bindTo(registry);
            int port = context.getBean(Server.class).port();
            for (int i = 0; i < 3; i++) {
                FastHttpAutoConfigurationTest.get(port, "/missing");
            }
            assertThat(registry.get("fasthttp.server.requests").tag("status", "4xx").tag("outcome", "CLIENT_ERROR")
                    .functionCounter().count()).isEqualTo(3);
            assertThat(registry.get("fasthttp.server.connections.accepted").functionCounter().count()).isPositive();
            assertThat(registry.get("fasthttp.server.connections.active").gauge()).isNotNull();
            assertThat(registry.get("fasthttp.server.errors").tag("kind", "malformed_request_line").functionCounter()).isNotNull();
            assertThat(registry.get("fasthttp.server.bytes.sent").functionCounter().count()).isPositive();
        });
    }

    @Test
    void noRequestTimerUnlessAskedFor() {
        runner.withUserConfiguration(SimpleRegistry.class)
                .run(context -> assertThat(context).doesNotHaveBean(ResponseObserver.class));
        runner.withUserConfiguration(SimpleRegistry.class).withPropertyValues("fasthttp.metrics.requests.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(ResponseObserver.class));
    }

    @Test
    void withoutMicrometerThereIsNothingToBind() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasSingleBean(Server.class).doesNotHaveBean(FastHttpMeterBinder.class));
    }

    @Test
    void metricsCanBeTurnedOff() {
        runner.withUserConfiguration(SimpleRegistry.class).withPropertyValues("fasthttp.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FastHttpMeterBinder.class).doesNotHaveBean(Route.class));
    }

    @Test
    void aPrometheusRegistryGetsAScrapeRoute() {
        runner.withUserConfiguration(PrometheusRegistry.class).run(context -> {
            assertThat(context).hasSingleBean(Route.class);
            PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
            context.getBean(FastHttpMeterBinder.class).bindTo(registry);
            String scrape = FastHttpAutoConfigurationTest.get(context.getBean(Server.class).port(), "/metrics");
            assertThat(scrape).startsWith("200 ").contains("fasthttp_server_connections_active");
        });
        runner.withUserConfiguration(PrometheusRegistry.class).withPropertyValues("fasthttp.metrics.prometheus.path=/scrape")
                .run(context -> assertThat(context.getBean(Route.class).template()).isEqualTo("/scrape"));
        runner.withUserConfiguration(SimpleRegistry.class).run(context -> assertThat(context).doesNotHaveBean(Route.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class SimpleRegistry {
        @Bean
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrometheusRegistry {
        @Bean
        PrometheusMeterRegistry registry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }
}
