package dev.fasthttp.spring.boot.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Starts a {@link FastHttpWebServer} with the application context and stops it when the context
 * closes, as Boot does for its own servers: the readiness state turns to
 * {@link ReadinessState#REFUSING_TRAFFIC} as shutdown begins, then the server drains (or, with
 * {@code server.shutdown=immediate}, closes at once). Once started, the port is published as
 * {@code local.server.port} (or {@code local.management.port} for the management server), so
 * {@code @LocalServerPort} works, and a {@link FastHttpWebServerInitializedEvent} announces it.
 */
public class FastHttpServerLifecycle implements SmartLifecycle {

    /** Starts late and stops early, like Boot's own web servers: handlers' dependencies are up first and down last. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    /** The property source Boot's servers publish their ports in. */
    private static final String PORTS = "server.ports";

    private final FastHttpWebServer webServer;
    private final Runnable beforeStart;
    private final String namespace;
    private final ConfigurableApplicationContext context;
    private final boolean listen;
    private volatile boolean running;

    /**
     * @param beforeStart run before each start (the application's server builds its router then)
     * @param namespace   {@code server} for the application's server, {@code management} for Actuator's own
     * @param listen      whether to bind the port; if not, the server serves in memory only ({@code fasthttp.server.listen})
     */
    public FastHttpServerLifecycle(FastHttpWebServer webServer, Runnable beforeStart, String namespace,
                                   ConfigurableApplicationContext context, boolean listen) {
        this.webServer = webServer;
        this.beforeStart = beforeStart;
        this.namespace = namespace;
        this.context = context;
        this.listen = listen;
    }

    @Override
    public void start() {
        beforeStart.run();
        running = true;
        if (!listen) {
            return;
        }
        webServer.start();
        publishPort(webServer.getPort());
        context.publishEvent(new FastHttpWebServerInitializedEvent(webServer, namespace, context));
    }

    @Override
    public void stop() {
        if (isApplicationServer()) {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        }
        if (listen) {
            webServer.shutDownGracefully(result -> { }); // it logs the result itself, and returns once done
        }
        running = false;
    }

    /** Whether the server binds its port; if not, requests reach it in memory only. */
    public boolean isListening() {
        return listen;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The management server stops after the application's, so probes answer while the application drains. */
    @Override
    public int getPhase() {
        return isApplicationServer() ? PHASE : PHASE - 1;
    }

    public FastHttpWebServer getWebServer() {
        return webServer;
    }

    private boolean isApplicationServer() {
        return "server".equals(namespace);
    }

    /**
     * Adds the port to Boot's {@value #PORTS} property source, keeping what others put there. Boot's
     * own listener does the same on the event, but only where Boot registered it (not in every
     * test context), so the port is published here too.
     */
    @SuppressWarnings("unchecked")
    private void publishPort(int port) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        PropertySource<?> existing = sources.get(PORTS);
        Map<String, Object> ports = existing != null && existing.getSource() instanceof Map<?, ?> map
                ? (Map<String, Object>) map : new HashMap<>();
        ports.put("local." + namespace + ".port", port);
        if (isApplicationServer()) {
            ports.put("local.fasthttp.port", port);
        }
        if (existing == null) {
            sources.addFirst(new MapPropertySource(PORTS, ports));
        }
    }
}
