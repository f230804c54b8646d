package dev.fasthttp.spring.boot.autoconfigure.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health endpoint's web extension, which Boot defines only for servlet and reactive
 * applications: it answers with the status code of the health (503 when DOWN or OUT_OF_SERVICE,
 * per {@code management.endpoint.health.status.http-mapping}) and serves the groups, the
 * liveness and readiness probes among them, under {@code /actuator/health/<group>}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthEndpointWebExtension.class)
@ConditionalOnBean(HealthEndpoint.class)
class FastHttpHealthEndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HealthEndpointWebExtension healthEndpointWebExtension(HealthContributorRegistry registry,
                                                          ObjectProvider<ReactiveHealthContributorRegistry> reactiveRegistry,
                                                          HealthEndpointGroups groups, HealthEndpointProperties properties) {
        return new HealthEndpointWebExtension(registry, reactiveRegistry.getIfAvailable(), groups,
                properties.getLogging().getSlowIndicatorThreshold());
    }
}
