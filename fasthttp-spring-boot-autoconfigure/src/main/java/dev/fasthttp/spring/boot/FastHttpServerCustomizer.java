package dev.fasthttp.spring.boot;

import dev.fasthttp.Server;

/**
 * Adjusts the auto-configured server's settings before it is built, after the
 * {@code fasthttp.server.*} properties were applied. Beans of this type are applied in
 * {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface FastHttpServerCustomizer {
    void customize(Server.Builder builder);
}
