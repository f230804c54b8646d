package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.Server;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Map;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the server with the application context and stops it gracefully when the context
 * closes: no new connections, requests in flight finished, for at most the shutdown timeout.
 * Publishes the bound port as {@code local.fasthttp.port}.
 */
public class FastHttpServerLifecycle implements SmartLifecycle {

    /** Starts late and stops early, like Boot's own web servers: handlers' dependencies are up first and down last. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private final Server server;
    private final Runnable beforeStart;
    private final FastHttpProperties properties;
    private final ConfigurableEnvironment environment;
    private volatile boolean running;

    public FastHttpServerLifecycle(Server server, Runnable beforeStart, FastHttpProperties properties,
                                   ConfigurableEnvironment environment) {
        this.server = server;
        this.beforeStart = beforeStart;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void start() {
        beforeStart.run();
        if (!server.isRunning()) {
            try {
                server.start();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof BindException) {
                    throw new FastHttpPortInUseException(properties.getPort(), e.getCause());
                }
                throw e;
            }
        }
        environment.getPropertySources().addFirst(
                new MapPropertySource("fasthttp.server.ports", Map.of("local.fasthttp.port", server.port())));
        running = true;
    }

    @Override
    public void stop() {
        server.shutdown(properties.getShutdownTimeout());
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
