package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.Server;
import dev.fasthttp.spring.boot.observation.FastHttpServerRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Observes the fasthttp server's requests as {@code http.server.requests} through the
 * application's {@link ObservationRegistry}, on by default as for Boot's own servers: with
 * Micrometer metrics that is a timer per route and status, with Micrometer Tracing a span that
 * continues the caller's trace.
 *
 * <p>Off with {@code fasthttp.server.observations.enabled=false}, and when
 * {@code fasthttp.metrics.requests.enabled=true} chose the starter's allocation-free request
 * timers instead (which record the same meter, and would count every request twice).
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, Server.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "fasthttp.server.observations.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "fasthttp.metrics.requests.enabled", havingValue = false, matchIfMissing = true)
public class FastHttpObservationAutoConfiguration {

    @Bean
    ObservedRequests fastHttpObservedRequests(ObjectProvider<ObservationRegistry> registry,
                                              ObjectProvider<FastHttpServerRequestObservationConvention> convention) {
        return new ObservedRequests(registry, convention.getIfAvailable());
    }
}
