package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https against the JDK's own HTTPS server, with a certificate made for the test by keytool
 * (named "localhost" only), over real sockets.
 */
class HttpsClientTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static ExecutorService serverThreads;
    private static SSLContext trustingTheTestCertificate;
    private static int port;
    /** Remote ports of the requests served: one per TCP connection. */
    private static final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    /** Server names (SNI) the clients sent. */
    private static final Set<String> serverNames = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        KeyStore keys = selfSignedLocalhost();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setSNIMatchers(List.of(new SNIMatcher(0) { // records the name, accepts any
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/hello", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            respond(exchange, 200, "hello");
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/hello");
            respond(exchange, 302, "");
        });
        server.createContext("/sha", exchange -> { // the SHA-256 of the request body in a header, then n bytes of pattern, chunked
            java.security.MessageDigest md = PatternStream.sha256();
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buf = new byte[16 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            long n = Long.parseLong(exchange.getRequestURI().getQuery());
            exchange.getResponseHeaders().set("X-Sha", java.util.HexFormat.of().formatHex(md.digest()));
            exchange.sendResponseHeaders(200, 0);
            try (java.io.OutputStream out = exchange.getResponseBody(); InputStream body = new PatternStream(n)) {
                body.transferTo(out);
            }
            exchange.close();
        });
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** An EC key and a certificate for DNS name "localhost" (not for 127.0.0.1), made by the JDK's keytool. */
    private static KeyStore selfSignedLocalhost() throws Exception {
        Path file = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return KeyStore.getInstance(file.toFile(), PASSWORD);
    }

    @Test
    void bodiesAreStreamedBothWaysOverTls() throws Exception {
        try (HostClient client = HostClient.builder("localhost:" + port).tls(true).sslContext(trustingTheTestCertificate).build()) {
            long up = 4L * 1024 * 1024;
            long down = 8L * 1024 * 1024;
            ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri("/sha?" + down)
                    .setBodyStream(new PatternStream(up), -1).setStreamResponseBody(true);
            ClientResponse resp = new ClientResponse();
            client.doRequest(req, resp);
            assertThat(resp.header("X-Sha").toString()).isEqualTo(PatternStream.sha256(up));
            java.security.MessageDigest md = PatternStream.sha256();
            try (InputStream body = resp.bodyStream()) {
                byte[] buf = new byte[8192];
                for (int n; (n = body.read(buf)) >= 0; ) {
                    md.update(buf, 0, n);
                }
            }
            assertThat(java.util.HexFormat.of().formatHex(md.digest())).isEqualTo(PatternStream.sha256(down));
            assertThat(resp.buffer.capacity()).isLessThan(64 * 1024);
            assertThat(client.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void theBodyWaitsFor100ContinueOverTlsAndTheConnectionCarriesOn() throws Exception {
        try (HostClient client = HostClient.builder("localhost:" + port).tls(true).sslContext(trustingTheTestCertificate)
                .expectContinueTimeout(Duration.ofSeconds(30)).build()) {
            ClientResponse resp = new ClientResponse();
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) { // the JDK's server says 100 Continue; the wait is a timed read of the TLS socket
                int up = 1024 * 1024 + i;
                client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/sha?0").setExpectContinue(true)
                        .setBodyStream(new PatternStream(up), up), resp);
                assertThat(resp.header("X-Sha").toString()).isEqualTo(PatternStream.sha256(up));
            }
            client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
            assertThat(resp.bodyString()).isEqualTo("hello");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("went on at 100 Continue, not at the timeout")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(client.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void requestsGoOverOneVerifiedConnection() throws Exception {
        int before = clientPorts.size();
        try (HostClient client = HostClient.builder("localhost:" + port).tls(true).sslContext(trustingTheTestCertificate).build()) {
            ClientRequest req = new ClientRequest().setRequestUri("/hello");
            ClientResponse resp = new ClientResponse();
            for (int i = 0; i < 20; i++) {
                client.doRequest(req, resp);
                assertThat(resp.statusCode()).isEqualTo(200);
                assertThat(resp.bodyString()).isEqualTo("hello");
            }
            assertThat(client.openConnections()).isEqualTo(1);
        }
        assertThat(clientPorts).hasSize(before + 1);
        assertThat(serverNames).contains("localhost");
    }

    @Test
    void clientCallsHttpsUrlsAndFollowsTheirRedirects() throws Exception {
        try (Client client = Client.builder().sslContext(trustingTheTestCertificate).build()) {
            ClientResponse resp = new ClientResponse();
            client.get("https://localhost:" + port + "/moved", resp);
            assertThat(resp.statusCode()).isEqualTo(200);
            assertThat(resp.bodyString()).isEqualTo("hello");

            // the same host and port over plain http is another host, with connections of its own
            HostClient https = client.hostClient(new ClientRequest().setRequestUri("https://localhost:" + port + "/"));
            HostClient http = client.hostClient(new ClientRequest().setRequestUri("http://localhost:" + port + "/"));
            assertThat(http).isNotSameAs(https);
            assertThat(http.toString()).isEqualTo("HostClient[http://localhost:" + port + "]");
        }
    }

    @Test
    void aCertificateNobodyVouchedForIsRefusedAndNotRetried() {
        AtomicInteger dials = new AtomicInteger();
        try (HostClient client = HostClient.builder("localhost:" + port).tls(true)
                .dialer((address, timeout) -> {
                    dials.incrementAndGet();
                    return ClientSettings.Dialer.TCP.dial(address, timeout);
                })
                .build()) { // the JDK's default trust store: the test certificate is not in it
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/hello"), new ClientResponse()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(dials).hasValue(1);
            assertThat(client.openConnections()).isZero();
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        try (HostClient client = HostClient.builder("127.0.0.1:" + port).tls(true).sslContext(trustingTheTestCertificate).build()) {
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/hello"), new ClientResponse()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void aHandshakeThatGetsNoAnswerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // accepts, never speaks
             HostClient client = HostClient.builder("localhost:" + silent.getLocalPort()).tls(true)
                     .tlsHandshakeTimeout(Duration.ofMillis(300)).maxAttempts(1).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/"), new ClientResponse()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("TLS handshake");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(client.openConnections()).isZero();
        }
    }
}
