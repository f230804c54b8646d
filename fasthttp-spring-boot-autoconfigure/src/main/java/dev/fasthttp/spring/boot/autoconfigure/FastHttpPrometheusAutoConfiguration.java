package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Mounts a Prometheus scrape route on the fasthttp server ({@code fasthttp.metrics.prometheus.path},
 * default {@code /metrics}) when the application has a {@link PrometheusMeterRegistry}. The route
 * is blocking: rendering many meters is work that does not belong on an event loop.
 */
@AutoConfiguration(after = FastHttpMetricsAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration")
@ConditionalOnClass({PrometheusMeterRegistry.class, Server.class})
@ConditionalOnBean({PrometheusMeterRegistry.class, Server.class})
@ConditionalOnBooleanProperty(name = {"fasthttp.metrics.enabled", "fasthttp.metrics.prometheus.enabled"}, matchIfMissing = true)
@EnableConfigurationProperties(FastHttpMetricsProperties.class)
public class FastHttpPrometheusAutoConfiguration {

    /** The content type of Prometheus' text exposition format, which {@code scrape()} renders. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Bean
    Route fastHttpPrometheusScrapeRoute(PrometheusMeterRegistry registry, FastHttpMetricsProperties properties) {
        return Route.get(properties.getPrometheus().getPath(),
                ctx -> ctx.success(CONTENT_TYPE, registry.scrape())).blocking();
    }
}
