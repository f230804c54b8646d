package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.TrustedProxies;
import java.net.InetAddress;
import java.time.Duration;
import org.apache.commons.logging.Log;
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
 *   <tr><td>{@code server.forward-headers-strategy=native}</td><td>{@code fasthttp.server.trusted-proxies}</td></tr>
 * </table>
 *
 * <p>Where Boot runs a web server of its own in the same application, {@code server.port},
 * {@code server.address} and {@code server.max-http-request-header-size} are that server's, and
 * fasthttp runs only if told to ({@code fasthttp.server.enabled=true}) on a port of its own.
 */
final class BootServerProperties {

    private final Binder binder;
    private final FastHttpProperties fasthttp;
    /** The web server Boot runs in the same application, if any: Boot's server names are its own then. */
    private final String otherServer;

    BootServerProperties(Environment environment, FastHttpProperties fasthttp) {
        this(environment, fasthttp, null);
    }

    BootServerProperties(Environment environment, FastHttpProperties fasthttp, String otherServer) {
        this.binder = Binder.get(environment);
        this.fasthttp = fasthttp;
        this.otherServer = otherServer;
    }

    /**
     * Fails start-up, explained by {@link FastHttpWithAnotherWebServerFailureAnalyzer}, when Boot
     * runs another web server here and fasthttp was not told to run beside it on its own port.
     */
    void checkNoOtherServerUnlessToldToRunBeside() {
        if (otherServer == null) {
            return;
        }
        boolean enabled = binder.bind("fasthttp.server.enabled", Boolean.class).orElse(false);
        if (!enabled || !isSet("port")) {
            throw new FastHttpWithAnotherWebServerException(otherServer, enabled);
        }
    }

    /**
     * Refuses what this engine cannot do rather than ignoring it: {@code server.ssl.*} fails
     * start-up (serving plain HTTP where TLS was asked for would expose the traffic);
     * {@code server.compression.enabled} and {@code server.http2.enabled} are logged as not applied.
     */
    void checkSupported(Log logger) {
        if (otherServer != null) {
            return; // Boot's names belong to the other server
        }
        boolean sslSet = binder.bind("server.ssl", Bindable.mapOf(String.class, Object.class)).isBound();
        if (sslSet && binder.bind("server.ssl.enabled", Boolean.class).orElse(true)) {
            throw new IllegalStateException("server.ssl.* is set, but fasthttp serves plain HTTP only: terminate TLS in"
                    + " front of it (a proxy or load balancer, with server.forward-headers-strategy=native), or remove"
                    + " server.ssl.*");
        }
        if (binder.bind("server.compression.enabled", Boolean.class).orElse(false)) {
            logger.warn("server.compression.enabled=true is not applied: fasthttp sends responses uncompressed");
        }
        if (binder.bind("server.http2.enabled", Boolean.class).orElse(false)) {
            logger.warn("server.http2.enabled=true is not applied: fasthttp speaks HTTP/1.1");
        }
    }

    int port() {
        return bootNameApplies("port") ? binder.bind("server.port", Integer.class).orElse(fasthttp.getPort()) : fasthttp.getPort();
    }

    InetAddress address() {
        return bootNameApplies("address") ? binder.bind("server.address", InetAddress.class).orElse(fasthttp.getAddress())
                : fasthttp.getAddress();
    }

    DataSize maxRequestHeaderSize() {
        return bootNameApplies("max-request-header-size")
                ? binder.bind("server.max-http-request-header-size", DataSize.class).orElse(fasthttp.getMaxRequestHeaderSize())
                : fasthttp.getMaxRequestHeaderSize();
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

    /**
     * Whose forwarding headers to believe: {@code fasthttp.server.trusted-proxies} if set, else the
     * local and private ranges with {@code server.forward-headers-strategy=native} (as Tomcat's
     * default internal proxies), else nobody ({@code framework} leaves the headers to the
     * application).
     */
    TrustedProxies trustedProxies() {
        if (!fasthttp.getTrustedProxies().isEmpty()) {
            return TrustedProxies.of(fasthttp.getTrustedProxies().toArray(String[]::new));
        }
        boolean nativeStrategy = binder.bind("server.forward-headers-strategy", String.class).map("native"::equalsIgnoreCase)
                .orElse(false);
        return nativeStrategy ? TrustedProxies.internal() : TrustedProxies.NONE;
    }

    /** Whether error bodies carry the exception's message: {@code server.error.include-message=always}. */
    boolean errorIncludesMessage() {
        return binder.bind("server.error.include-message", String.class).map("always"::equalsIgnoreCase).orElse(false);
    }

    /** Whether JSON clients get RFC 9457 problem details: {@code spring.mvc.problemdetails.enabled}. */
    boolean problemDetails() {
        return binder.bind("spring.mvc.problemdetails.enabled", Boolean.class).orElse(false);
    }

    private boolean bootNameApplies(String fasthttpProperty) {
        return otherServer == null && !isSet(fasthttpProperty);
    }

    private boolean isSet(String property) {
        return binder.bind("fasthttp.server." + property, Bindable.of(String.class)).isBound();
    }
}
