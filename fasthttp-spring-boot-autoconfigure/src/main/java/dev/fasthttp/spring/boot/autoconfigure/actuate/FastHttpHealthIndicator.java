package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.Server;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The engine's health, as {@code fasthttp} in {@code /actuator/health}: UP while it accepts
 * connections with every event loop alive; OUT_OF_SERVICE once it drains for shutdown (or
 * before it starts); DOWN when an event loop has died, since that loop's connections are then
 * served by nobody.
 */
public class FastHttpHealthIndicator extends AbstractHealthIndicator {

    private final Server server;

    public FastHttpHealthIndicator(Server server) {
        super("fasthttp health check failed");
        this.server = server;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        int loops = server.settings().eventLoops();
        int alive = server.eventLoopsAlive();
        if (!server.isAccepting()) {
            builder.outOfService();
        } else if (alive < loops) {
            builder.down();
        } else {
            builder.up();
        }
        builder.withDetail("eventLoops", loops).withDetail("eventLoopsAlive", alive)
                .withDetail("accepting", server.isAccepting())
                .withDetail("connections", server.stats().connectionsActive());
        if (server.isRunning()) {
            builder.withDetail("port", server.port());
        }
    }
}
