package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.MultipartLimits;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the auto-configured fasthttp server ({@code fasthttp.server.*}). Every setting of
 * the engine's {@code Server.Builder} is here, with the same default.
 */
@ConfigurationProperties("fasthttp.server")
public class FastHttpProperties {

    /** Whether to auto-configure and start the fasthttp server. */
    private boolean enabled = true;

    /**
     * Whether the server binds its port; without it, requests reach it only in memory (as in
     * {@code @SpringBootTest}'s MOCK environment, which turns it off).
     */
    private boolean listen = true;

    /** Port to listen on; 0 picks a free one, published as local.fasthttp.port. */
    private int port = 8080;

    /** Network address to bind to. Default: all interfaces. */
    private InetAddress address;

    /** Value of the Server response header. */
    private String name = "fasthttp";

    /** Buffer a connection reads into; pooled per event loop and held only while bytes are unprocessed. */
    private DataSize readBufferSize = DataSize.ofKilobytes(4);

    /** Output buffer of each event loop, where pipelined responses are gathered into one write. */
    private DataSize writeBufferSize = DataSize.ofKilobytes(4);

    /** Largest request head (request line and headers) accepted; beyond it the client gets 431. */
    private DataSize maxRequestHeaderSize = DataSize.ofKilobytes(16);

    /** Longest request target accepted; beyond it the client gets 414. */
    private DataSize maxRequestUriLength = DataSize.ofKilobytes(8);

    /** Largest request body accepted, held in memory whole; beyond it the client gets 413. */
    private DataSize maxRequestBodySize = DataSize.ofMegabytes(4);

    /**
     * Largest request body of a streaming route (@FastHttpRoute(streaming = true)), read as it
     * arrives; beyond it the client gets 413.
     */
    private DataSize maxStreamedRequestBodySize = DataSize.ofGigabytes(1);

    /** Room for a streamed request body in the connection's read buffer: all the memory a streamed request holds. */
    private DataSize requestBodyStreamBufferSize = DataSize.ofKilobytes(64);

    /** Most parts of a multipart/form-data body; a form with more gets 413. */
    private int maxMultipartParts = 1000;

    /** Largest header section of one part of a multipart/form-data body; beyond it the form gets 400. */
    private DataSize maxMultipartPartHeaderSize = DataSize.ofKilobytes(16);

    /** Most connections open at once; a connection beyond it gets 503 and is closed. */
    private int maxConnections = 256 * 1024;

    /** Most connections open at once from one client IP (429 beyond it); 0 means no limit. */
    private int maxConnectionsPerIp = 0;

    /** Requests served on one connection before it closes; 0 means no limit. */
    private long maxRequestsPerConnection = 0;

    /** Time to receive a whole request from its first byte; on expiry the client gets 408. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** Time a response may go without write progress before the connection is closed. */
    private Duration writeTimeout = Duration.ofSeconds(30);

    /** Time a keep-alive connection may wait for its next request before it is closed. */
    private Duration idleTimeout = Duration.ofSeconds(60);

    /** Whether connections are kept open between requests. */
    private boolean keepAlive = true;

    /** Whether to leave out the Server header unless a handler sets one. */
    private boolean noDefaultServerHeader = false;

    /** Whether to leave out the Date header unless a handler sets one. */
    private boolean noDefaultDate = false;

    /** Whether to leave out Content-Type when a handler sets none, instead of text/plain; charset=utf-8. */
    private boolean noDefaultContentType = false;

    /** Whether the request path is percent-decoded and cleaned of dot segments and repeated slashes. */
    private boolean normalizePath = true;

    /** Number of event loops (platform threads with a selector each). Default: available processors. */
    private Integer eventLoops;

    /** Length of the kernel's queue of connections not yet accepted. */
    private int backlog = 1024;

    /** How long a handler may hold its event loop before a warning names it. */
    private Duration stallWarningThreshold = Duration.ofSeconds(1);

    /** How long a graceful shutdown waits for requests in flight before closing what is left. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /** Whether a path that misses but matches with its trailing slash added or removed is redirected there. */
    private boolean redirectTrailingSlash = false;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isListen() {
        return listen;
    }

    public void setListen(boolean listen) {
        this.listen = listen;
    }

    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public InetAddress getAddress() { return address; }
    public void setAddress(InetAddress address) { this.address = address; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public DataSize getReadBufferSize() { return readBufferSize; }
    public void setReadBufferSize(DataSize readBufferSize) { this.readBufferSize = readBufferSize; }
    public DataSize getWriteBufferSize() { return writeBufferSize; }
    public void setWriteBufferSize(DataSize writeBufferSize) { this.writeBufferSize = writeBufferSize; }
    public DataSize getMaxRequestHeaderSize() { return maxRequestHeaderSize; }
    public void setMaxRequestHeaderSize(DataSize maxRequestHeaderSize) { this.maxRequestHeaderSize = maxRequestHeaderSize; }
    public DataSize getMaxRequestUriLength() { return maxRequestUriLength; }
    public void setMaxRequestUriLength(DataSize maxRequestUriLength) { this.maxRequestUriLength = maxRequestUriLength; }
    public DataSize getMaxRequestBodySize() { return maxRequestBodySize; }
    public void setMaxRequestBodySize(DataSize maxRequestBodySize) { this.maxRequestBodySize = maxRequestBodySize; }
    public DataSize getMaxStreamedRequestBodySize() { return maxStreamedRequestBodySize; }
    public void setMaxStreamedRequestBodySize(DataSize size) { this.maxStreamedRequestBodySize = size; }
    public DataSize getRequestBodyStreamBufferSize() { return requestBodyStreamBufferSize; }
    public void setRequestBodyStreamBufferSize(DataSize size) { this.requestBodyStreamBufferSize = size; }
    public int getMaxMultipartParts() {
        return maxMultipartParts;
    }

    public void setMaxMultipartParts(int maxMultipartParts) {
        this.maxMultipartParts = maxMultipartParts;
    }

    public DataSize getMaxMultipartPartHeaderSize() {
        return maxMultipartPartHeaderSize;
    }

    public void setMaxMultipartPartHeaderSize(DataSize maxMultipartPartHeaderSize) {
        this.maxMultipartPartHeaderSize = maxMultipartPartHeaderSize;
    }

    public int getMaxConnections() { return maxConnections; }
    public void setMaxConnections(int maxConnections) { this.maxConnections = maxConnections; }
    public int getMaxConnectionsPerIp() { return maxConnectionsPerIp; }
    public void setMaxConnectionsPerIp(int maxConnectionsPerIp) { this.maxConnectionsPerIp = maxConnectionsPerIp; }
    public long getMaxRequestsPerConnection() { return maxRequestsPerConnection; }
    public void setMaxRequestsPerConnection(long maxRequestsPerConnection) { this.maxRequestsPerConnection = maxRequestsPerConnection; }
    public Duration getReadTimeout() { return readTimeout; }
    public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
    public Duration getWriteTimeout() { return writeTimeout; }
    public void setWriteTimeout(Duration writeTimeout) { this.writeTimeout = writeTimeout; }
    public Duration getIdleTimeout() { return idleTimeout; }
    public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
    public boolean isKeepAlive() { return keepAlive; }
    public void setKeepAlive(boolean keepAlive) { this.keepAlive = keepAlive; }
    public boolean isNoDefaultServerHeader() { return noDefaultServerHeader; }
    public void setNoDefaultServerHeader(boolean noDefaultServerHeader) { this.noDefaultServerHeader = noDefaultServerHeader; }
    public boolean isNoDefaultDate() { return noDefaultDate; }
    public void setNoDefaultDate(boolean noDefaultDate) { this.noDefaultDate = noDefaultDate; }
    public boolean isNoDefaultContentType() { return noDefaultContentType; }
    public void setNoDefaultContentType(boolean noDefaultContentType) { this.noDefaultContentType = noDefaultContentType; }
    public boolean isNormalizePath() { return normalizePath; }
    public void setNormalizePath(boolean normalizePath) { this.normalizePath = normalizePath; }
    public Integer getEventLoops() { return eventLoops; }
    public void setEventLoops(Integer eventLoops) { this.eventLoops = eventLoops; }
    public int getBacklog() { return backlog; }
    public void setBacklog(int backlog) { this.backlog = backlog; }
    public Duration getStallWarningThreshold() { return stallWarningThreshold; }
    public void setStallWarningThreshold(Duration stallWarningThreshold) { this.stallWarningThreshold = stallWarningThreshold; }
    public Duration getShutdownTimeout() { return shutdownTimeout; }
    public void setShutdownTimeout(Duration shutdownTimeout) { this.shutdownTimeout = shutdownTimeout; }
    public boolean isRedirectTrailingSlash() { return redirectTrailingSlash; }
    public void setRedirectTrailingSlash(boolean redirectTrailingSlash) { this.redirectTrailingSlash = redirectTrailingSlash; }

    /**
     * Proxies whose Forwarded and X-Forwarded-* headers are believed, as CIDR blocks or addresses
     * ("10.0.0.0/8", "::1"). Empty: those of server.forward-headers-strategy=native (the local and
     * private ranges), or none without it.
     */
    private List<String> trustedProxies = new ArrayList<>();

    public List<String> getTrustedProxies() { return trustedProxies; }
    public void setTrustedProxies(List<String> trustedProxies) { this.trustedProxies = trustedProxies; }

    private final Accesslog accesslog = new Accesslog();

    public Accesslog getAccesslog() { return accesslog; }

    private final Multipart multipart = new Multipart();

    public Multipart getMultipart() { return multipart; }

    /**
     * Multipart forms read from a streamed body ({@code fasthttp.server.multipart.*}), named as
     * Boot's {@code spring.servlet.multipart.*}; the part count and part header size are
     * {@code max-multipart-parts} and {@code max-multipart-part-header-size}.
     */
    public static class Multipart {

        /** Largest part (a file or a field) of a streamed form; beyond it the form gets 413. */
        private DataSize maxFileSize = DataSize.ofMegabytes(32);

        /** Largest streamed form, all parts' contents together; beyond it the form gets 413. */
        private DataSize maxRequestSize = DataSize.ofMegabytes(64);

        /** Bytes of files a streamed form keeps in memory, in all; the file that would pass it goes to a temporary file. */
        private DataSize fileSizeThreshold = DataSize.ofKilobytes(256);

        /** Directory of the temporary files; default the JVM's {@code java.io.tmpdir}. */
        private Path location;

        public DataSize getMaxFileSize() { return maxFileSize; }
        public void setMaxFileSize(DataSize maxFileSize) { this.maxFileSize = maxFileSize; }
        public DataSize getMaxRequestSize() { return maxRequestSize; }
        public void setMaxRequestSize(DataSize maxRequestSize) { this.maxRequestSize = maxRequestSize; }
        public DataSize getFileSizeThreshold() { return fileSizeThreshold; }
        public void setFileSizeThreshold(DataSize fileSizeThreshold) { this.fileSizeThreshold = fileSizeThreshold; }
        public Path getLocation() { return location; }
        public void setLocation(Path location) { this.location = location; }

        /** These limits over {@code base} (which carries the part count and part header size). */
        MultipartLimits applyTo(MultipartLimits base) {
            MultipartLimits limits = base.withMaxFileSize(maxFileSize.toBytes()).withMaxTotalSize(maxRequestSize.toBytes())
                    .withMemoryThreshold(fileSizeThreshold.toBytes());
            return location == null ? limits : limits.withTempDirectory(location);
        }
    }

    /** The access log ({@code fasthttp.server.accesslog.*}), written through the logger {@code dev.fasthttp.accesslog}. */
    public static class Accesslog {

        /** Whether to log every response. Off, the request path does no access-log work at all. */
        private boolean enabled = false;

        /**
         * "common", "combined" or a pattern of Tomcat's codes: %h %a %l %u %t %r %m %U %q %H %s %b %B %D %T
         * %{Name}i (request header) %{Name}o (response header) %%.
         */
        private String pattern = "common";

        /** Lines waiting for the writer thread; past it, lines are dropped (and counted) rather than stall an event loop. */
        private int queueSize = 10_000;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getPattern() { return pattern; }
        public void setPattern(String pattern) { this.pattern = pattern; }
        public int getQueueSize() { return queueSize; }
        public void setQueueSize(int queueSize) { this.queueSize = queueSize; }
    }
}
