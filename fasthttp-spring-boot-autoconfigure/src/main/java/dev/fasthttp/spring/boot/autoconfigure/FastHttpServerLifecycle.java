package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.Server;
import dev.fasthttp.ShutdownResult;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Starts the server with the application context and stops it when the context closes:
 * gracefully (no new connections, requests in flight finished, for at most the shutdown timeout)
 * or, with a timeout of zero ({@code server.shutdown=immediate}), at once. Publishes the bound
 * port as {@code local.server.port}, as Boot's own servers do (so {@code @LocalServerPort} works),
 * and as {@code local.fasthttp.port}; logs start and shutdown in the words Boot's servers use.
 */
public class FastHttpServerLifecycle implements SmartLifecycle {

    /** Starts late and stops early, like Boot's own web servers: handlers' dependencies are up first and down last. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    /** The property source Boot's servers publish their ports in. */
    private static final String PORTS = "server.ports";

    private static final Log logger = LogFactory.getLog(FastHttpServerLifecycle.class);

    private final Server server;
    private final Runnable beforeStart;
    private final Duration shutdownTimeout;
    private final ConfigurableEnvironment environment;
    private volatile boolean running;

    public FastHttpServerLifecycle(Server server, Runnable beforeStart, Duration shutdownTimeout,
                                   ConfigurableEnvironment environment) {
        this.server = server;
        this.beforeStart = beforeStart;
        this.shutdownTimeout = shutdownTimeout;
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
                    throw new FastHttpPortInUseException(server.settings().address().getPort(), e.getCause());
                }
                throw e;
            }
        }
        publishPort(server.port());
        logger.info("fasthttp started on port " + server.port() + " (http) with " + server.settings().eventLoops()
                + " event loop" + (server.settings().eventLoops() == 1 ? "" : "s"));
        running = true;
    }

    @Override
    public void stop() {
        if (shutdownTimeout.isZero()) {
            server.shutdown(Duration.ZERO);
        } else {
            logger.info("Commencing graceful shutdown. Waiting for active requests to complete");
            ShutdownResult result = server.shutdown(shutdownTimeout);
            logger.info(result.drained() ? "Graceful shutdown complete"
                    : "Graceful shutdown aborted with one or more requests still active");
        }
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

    /** Adds the ports to Boot's {@value #PORTS} property source, keeping what others put there (the management port). */
    @SuppressWarnings("unchecked")
    private void publishPort(int port) {
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> existing = sources.get(PORTS);
        Map<String, Object> ports = existing != null && existing.getSource() instanceof Map<?, ?> map
                ? (Map<String, Object>) map : new HashMap<>();
        ports.put("local.server.port", port);
        ports.put("local.fasthttp.port", port);
        if (existing == null) {
            sources.addFirst(new MapPropertySource(PORTS, ports));
        }
    }
}
