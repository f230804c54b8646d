package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.fasthttp.testing.ConcurrentCallers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a server nobody here wrote: nginx from Debian's packages (CI installs it),
 * started with its own configuration on a free loopback port.
 */
class NginxClientTest {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    /** nginx closes a keep-alive connection after this many requests, telling the client so. */
    private static final int KEEPALIVE_REQUESTS = 5;

    private static Process nginx;
    private static Path dir;
    private static int port;
    private static byte[] big;

    @BeforeAll
    static void startNginx() throws Exception {
        assumeThat(Files.isExecutable(NGINX)).as("nginx is installed (apt-get install nginx)").isTrue();
        dir = Files.createTempDirectory("fasthttp-nginx");
        Files.createDirectories(dir.resolve("html/chunked"));
        Files.createDirectories(dir.resolve("tmp"));
        big = new byte[1 << 20];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("html/big.bin"), big);
        Files.writeString(dir.resolve("html/chunked/page.html"), "<p>xxx</p>\n".repeat(100));
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // nginx cannot be told to pick one; taken back at once
        }
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    types { text/html html; application/octet-stream bin; }
                    keepalive_timeout 1s;
                    keepalive_requests %3$d;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s/html;
                        location = /hello { default_type text/plain; return 200 "hello from nginx"; }
                        location = /redirect { return 302 /hello; }
                        location /chunked/ { sub_filter 'x' 'y'; sub_filter_once off; }
                    }
                }
                """.formatted(dir, port, KEEPALIVE_REQUESTS));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!accepting()) {
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("out.log"))
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            Thread.onSpinWait();
        }
    }

    private static boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A client that counts the TCP connections it opens. */
    private static HostClient client(AtomicInteger dials, java.util.function.Consumer<HostClient.Builder> settings) {
        HostClient.Builder b = HostClient.builder("127.0.0.1:" + port).dialer((address, timeout) -> {
            dials.incrementAndGet();
            return ClientSettings.Dialer.TCP.dial(address, timeout);
        });
        settings.accept(b);
        return b.build();
    }

    @Test
    void keepAliveConnectionsAreReusedUntilNginxClosesThem() throws Exception {
        AtomicInteger dials = new AtomicInteger();
        try (HostClient client = client(dials, b -> { })) {
            ClientRequest req = new ClientRequest().setRequestUri("/hello");
            ClientResponse resp = new ClientResponse();
            for (int i = 0; i < 3 * KEEPALIVE_REQUESTS; i++) {
                client.doRequest(req, resp);
                assertThat(resp.bodyString()).isEqualTo("hello from nginx");
            }
            // nginx answers the 5th request of a connection with Connection: close
            assertThat(dials.get()).isEqualTo(3);
        }
    }

    @Test
    void aConnectionNginxClosedWhileIdleDoesNotSurfaceAsAnError() throws Exception {
        AtomicInteger dials = new AtomicInteger();
        try (HostClient client = client(dials, b -> { })) {
            ClientRequest req = new ClientRequest().setRequestUri("/hello");
            ClientResponse resp = new ClientResponse();
            client.doRequest(req, resp);
            // Let nginx's keep-alive timeout (1 s) pass: there is nothing to wait on, the time is what is tested.
            Thread.sleep(1500);
            client.doRequest(req, resp);
            assertThat(resp.bodyString()).isEqualTo("hello from nginx");
        }
    }

    @Test
    void chunkedBodiesRedirectsHeadAndLargeFiles() throws Exception {
        try (HostClient client = client(new AtomicInteger(), b -> { })) {
            ClientResponse resp = new ClientResponse();
            client.doRequest(new ClientRequest().setRequestUri("/chunked/page.html"), resp);
            assertThat(resp.header("Transfer-Encoding").toString()).isEqualTo("chunked");
            assertThat(resp.bodyString()).isEqualTo("<p>yyy</p>\n".repeat(100));

            client.doRedirects(new ClientRequest().setRequestUri("/redirect"), resp, 3);
            assertThat(resp.bodyString()).isEqualTo("hello from nginx");

            client.doRequest(new ClientRequest().setMethod("HEAD").setRequestUri("/big.bin"), resp);
            assertThat(resp.contentLength()).isEqualTo(big.length);
            assertThat(resp.body().length()).isZero();

            client.doRequest(new ClientRequest().setRequestUri("/big.bin"), resp);
            assertThat(resp.bodyBytes()).isEqualTo(big);

            client.doRequest(new ClientRequest().setRequestUri("/missing"), resp);
            assertThat(resp.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void bodyLimitHolds() throws Exception {
        try (HostClient client = client(new AtomicInteger(), b -> b.maxResponseBodySize(1000))) {
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/big.bin"), new ClientResponse()))
                    .isInstanceOf(ClientException.class)
                    .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.BODY_TOO_LARGE));
        }
    }

    @Test
    void concurrentCallersOverABoundedPool() throws Exception {
        AtomicInteger dials = new AtomicInteger();
        try (HostClient client = client(dials, b -> b.maxConnections(4).maxConnectionWait(Duration.ofSeconds(30)));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            ConcurrentCallers.run(callers, 16, caller -> {
                ClientRequest req = new ClientRequest().setRequestUri("/hello");
                ClientResponse resp = new ClientResponse();
                for (int i = 0; i < 20; i++) {
                    client.doRequest(req, resp);
                    assertThat(resp.body().contentEquals("hello from nginx".getBytes(StandardCharsets.US_ASCII))).isTrue();
                }
            });
            assertThat(client.openConnections()).isLessThanOrEqualTo(4);
        }
    }
}
