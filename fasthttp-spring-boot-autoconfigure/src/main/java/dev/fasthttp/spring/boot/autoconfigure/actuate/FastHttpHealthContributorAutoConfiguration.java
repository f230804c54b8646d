package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.Server;
import dev.fasthttp.spring.boot.autoconfigure.FastHttpAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/** The engine's {@link FastHttpHealthIndicator}, unless {@code management.health.fasthttp.enabled=false}. */
@AutoConfiguration(after = FastHttpAutoConfiguration.class,
        beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({Health.class, Server.class})
@ConditionalOnBean(Server.class)
@ConditionalOnEnabledHealthIndicator("fasthttp")
public class FastHttpHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "fasthttpHealthIndicator")
    FastHttpHealthIndicator fasthttpHealthIndicator(Server server) {
        return new FastHttpHealthIndicator(server);
    }
}
