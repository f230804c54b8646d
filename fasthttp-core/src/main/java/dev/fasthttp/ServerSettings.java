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
        int maxMultipartParts,
        int maxMultipartPartHeaderSize,
        MultipartLimits multipartLimits,
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

    /**
     * @param multipartLimits the limits of multipart bodies read as streams; its part count and
     *                        part header limits are replaced by {@code maxMultipartParts} and
     *                        {@code maxMultipartPartHeaderSize}, which bound buffered forms too
     */
    public ServerSettings {
        multipartLimits = multipartLimits.withMaxParts(maxMultipartParts).withMaxPartHeaderSize(maxMultipartPartHeaderSize);
    }

    /** {@code Server: <name>\r\n}, encoded once. */
    byte[] serverHeaderLine() {
        return ("Server: " + name + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code "host:port"} or {@code ":port"} (all interfaces), as {@link Server#listenAndServe} takes it. */
    static InetSocketAddress parseAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address must be host:port or :port, not " + address);
        }
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** For {@link Server.Builder}: {@code value}, if above 0. */
    static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
        return value;
    }

    static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /** How often loops look for expired deadlines: fine enough for the shortest timeout. */
    long tickIntervalNanos() {
        long shortest = Math.min(readTimeout.toNanos(), Math.min(writeTimeout.toNanos(), idleTimeout.toNanos()));
        return Math.clamp(shortest / 20, Duration.ofMillis(5).toNanos(), Duration.ofMillis(250).toNanos());
    }
}
