package dev.fasthttp;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A server's settings, fixed when it is built: {@link Server#settings()}. See {@link Server.Builder}
 * for what each means and its default.
 */
public record ServerSettings(
        RequestHandler handler,
        InetSocketAddress address,
        String name,
        int readBufferSize,
        int writeBufferSize,
        int maxRequestHeaderSize,
        int maxRequestUriLength,
        long maxRequestBodySize,
        int maxConnections,
        int maxConnectionsPerIp,
        long maxRequestsPerConnection,
        Duration readTimeout,
        Duration writeTimeout,
        Duration idleTimeout,
        boolean keepAlive,
        boolean noDefaultServerHeader,
        boolean noDefaultDate,
        boolean noDefaultContentType,
        boolean normalizePath,
        int eventLoops,
        int backlog,
        Duration stallWarningThreshold,
        ErrorHandler errorHandler,
        ContinueHandler continueHandler,
        ConnectionStateListener connectionStateListener,
        ResponseObserver responseObserver,
        TrustedProxies trustedProxies,
        System.Logger logger) {

    /** {@code Server: <name>\r\n}, encoded once. */
    byte[] serverHeaderLine() {
        return ("Server: " + name + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** How often loops look for expired deadlines: fine enough for the shortest timeout. */
    long tickIntervalNanos() {
        long shortest = Math.min(readTimeout.toNanos(), Math.min(writeTimeout.toNanos(), idleTimeout.toNanos()));
        return Math.clamp(shortest / 20, Duration.ofMillis(5).toNanos(), Duration.ofMillis(250).toNanos());
    }
}
