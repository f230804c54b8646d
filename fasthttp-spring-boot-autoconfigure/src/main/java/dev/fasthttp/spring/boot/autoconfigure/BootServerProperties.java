package dev.fasthttp.spring.boot.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The settings Boot names for every embedded web server, applied to fasthttp wherever
 * {@code fasthttp.server.*} leaves them unset: an application moved from Tomcat, Jetty or Reactor
 * Netty keeps its port, address, header limit and shutdown behaviour, and Boot's test support
 * ({@code server.port=0} for {@code RANDOM_PORT}) works unchanged.
 *
 * <table>
 *   <caption>Boot's names and fasthttp's; the second wins when both are set</caption>
 *   <tr><th>Boot</th><th>fasthttp</th></tr>
 *   <tr><td>{@code server.port}</td><td>{@code fasthttp.server.port}</td></tr>
 *   <tr><td>{@code server.address}</td><td>{@code fasthttp.server.address}</td></tr>
 *   <tr><td>{@code server.max-http-request-header-size}</td><td>{@code fasthttp.server.max-request-header-size}</td></tr>
 *   <tr><td>{@code server.shutdown=immediate}, {@code spring.lifecycle.timeout-per-shutdown-phase}</td>
 *       <td>{@code fasthttp.server.shutdown-timeout}</td></tr>
 * </table>
 */
final class BootServerProperties {

    private final Binder binder;
    private final FastHttpProperties fasthttp;

    BootServerProperties(Environment environment, FastHttpProperties fasthttp) {
        this.binder = Binder.get(environment);
        this.fasthttp = fasthttp;
    }

    int port() {
        return isSet("port") ? fasthttp.getPort() : binder.bind("server.port", Integer.class).orElse(fasthttp.getPort());
    }

    InetAddress address() {
        return isSet("address") ? fasthttp.getAddress()
                : binder.bind("server.address", InetAddress.class).orElse(fasthttp.getAddress());
    }

    DataSize maxRequestHeaderSize() {
        return isSet("max-request-header-size") ? fasthttp.getMaxRequestHeaderSize()
                : binder.bind("server.max-http-request-header-size", DataSize.class).orElse(fasthttp.getMaxRequestHeaderSize());
    }

    /**
     * How long stopping waits for requests in flight before it closes what is left: none with
     * {@code server.shutdown=immediate}, else Boot's timeout per shutdown phase.
     */
    Duration shutdownTimeout() {
        if (isSet("shutdown-timeout")) {
            return fasthttp.getShutdownTimeout();
        }
        if (binder.bind("server.shutdown", String.class).map("immediate"::equalsIgnoreCase).orElse(false)) {
            return Duration.ZERO;
        }
        return binder.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).orElse(fasthttp.getShutdownTimeout());
    }

    private boolean isSet(String property) {
        return binder.bind("fasthttp.server." + property, Bindable.of(String.class)).isBound();
    }
}
