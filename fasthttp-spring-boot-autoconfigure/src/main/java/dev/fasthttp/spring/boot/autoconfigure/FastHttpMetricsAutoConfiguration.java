package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.ResponseObserver;
import dev.fasthttp.Server;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Micrometer metrics of the fasthttp server: its counters, bound to every registry (Boot binds
 * {@code MeterBinder} beans), and, with {@code fasthttp.metrics.requests.enabled=true}, a timer
 * per route and status.
 */
@AutoConfiguration(after = FastHttpAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, Server.class})
@ConditionalOnBooleanProperty(name = "fasthttp.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FastHttpMetricsProperties.class)
public class FastHttpMetricsAutoConfiguration {

    @Bean
    @ConditionalOnBean(Server.class)
    FastHttpMeterBinder fastHttpMeterBinder(Server server) {
        return new FastHttpMeterBinder(server.stats());
    }

    /**
     * Lazy, so the server (which takes this observer) can be built before the registry is: the
     * registry is only needed when the first response is timed.
     */
    @Bean
    @ConditionalOnBooleanProperty("fasthttp.metrics.requests.enabled")
    ResponseObserver fastHttpRequestTimers(@Lazy MeterRegistry registry) {
        return new RequestTimers(registry);
    }
}
