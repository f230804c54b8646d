package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.ConcurrentCallers;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The client against this project's server, over real sockets. */
class HostClientTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void closeAll() throws Exception {
        release.countDown();
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private Server server(java.util.function.Consumer<Server.Builder> settings) {
        Router router = Router.builder()
                .get("/hello", ctx -> ctx.success("text/plain", "hello"))
                .post("/echo", ctx -> {
                    ctx.setContentType(ctx.headers().contentType() == null ? "application/octet-stream" : ctx.headers().contentType().toString());
                    ctx.response().setBody(ctx.body());
                })
                .get("/headers", ctx -> ctx.setBodyString(String.valueOf(ctx.headers().peek("X-Test")) + " "
                        + ctx.userAgent() + " " + ctx.host() + " " + ctx.requestUri()))
                .get("/chunked", ctx -> ctx.setBodyStreamWriter(out -> {
                    for (int i = 0; i < 5; i++) {
                        out.write(("part " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }))
                .get("/big", ctx -> ctx.setBody(new byte[300_000]))
                .get("/nocontent", ctx -> ctx.setStatusCode(204))
                .get("/close", ctx -> ctx.setBodyString("bye").setConnectionClose())
                .route(dev.fasthttp.routing.Route.get("/slow", ctx -> {
                    release.await(30, TimeUnit.SECONDS);
                    ctx.setBodyString("slow");
                }).blocking())
                .route(dev.fasthttp.routing.Route.get("/trickle", ctx -> ctx.setBodyStreamWriter(out -> {
                    for (int i = 0; i < 30; i++) { // a byte every 100 ms: each read is quick, the whole is slow
                        out.write('.');
                        out.flush();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                })).blocking())
                .get("/redirect/{n}", ctx -> {
                    int n = Integer.parseInt(ctx.pathParam("n").toString());
                    ctx.redirect(n == 0 ? "/hello" : "/redirect/" + (n - 1), 302);
                })
                .post("/see-other", ctx -> ctx.redirect("/method", 303))
                .post("/temporary", ctx -> ctx.redirect("/method", 307))
                .route("GET", "/method", ctx -> ctx.setBodyString("GET " + ctx.body().length()))
                .route("POST", "/method", ctx -> ctx.setBodyString("POST " + ctx.body().length()))
                .build();
        Server s = TestServers.start(router, b -> {
            b.logger(TestServers.QUIET);
            settings.accept(b);
        });
        toClose.add(() -> s.shutdown(Duration.ofSeconds(5)));
        return s;
    }

    private HostClient client(Server server, java.util.function.Consumer<HostClient.Builder> settings) {
        return client(server.port(), settings);
    }

    @Test
    void getPostHeadersAndBodies() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> b.userAgent("tester/1"));
        ClientRequest req = new ClientRequest().setRequestUri("/hello");
        ClientResponse resp = new ClientResponse();
        client.doRequest(req, resp);
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.reason().toString()).isEqualTo("OK");
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThat(resp.contentType().toString()).isEqualTo("text/plain");
        assertThat(resp.header("content-length").toString()).isEqualTo("5");

        req.reset().setMethod("POST").setRequestUri("/echo").setBodyString("caf\u00e9 au lait");
        req.headers().set("Content-Type", "text/plain; charset=utf-8");
        client.doRequest(req, resp);
        assertThat(resp.bodyString()).isEqualTo("caf\u00e9 au lait");
        assertThat(resp.contentType().toString()).isEqualTo("text/plain; charset=utf-8");

        req.reset().setRequestUri("/headers?a=1#fragment");
        req.headers().set("X-Test", "yes");
        client.doRequest(req, resp);
        assertThat(resp.bodyString()).isEqualTo("yes tester/1 127.0.0.1:" + server.port() + " /headers?a=1");
    }

    @Test
    void pathsArePercentEncoded() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> { });
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/headers?q=a b&c=\u00e9"), resp);
        assertThat(resp.bodyString()).endsWith(" /headers?q=a%20b&c=%C3%A9");
    }

    @Test
    void keepAliveReusesOneConnection() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> { });
        ClientRequest req = new ClientRequest().setRequestUri("/hello");
        ClientResponse resp = new ClientResponse();
        for (int i = 0; i < 200; i++) {
            client.doRequest(req, resp);
            assertThat(resp.statusCode()).isEqualTo(200);
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        assertThat(client.openConnections()).isEqualTo(1);
    }

    @Test
    void chunkedNoContentHeadAndBigResponses() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> { });
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/chunked"), resp);
        assertThat(resp.header("Transfer-Encoding").toString()).isEqualTo("chunked");
        assertThat(resp.bodyString()).isEqualTo("part 0\npart 1\npart 2\npart 3\npart 4\n");
        client.doRequest(new ClientRequest().setRequestUri("/nocontent"), resp);
        assertThat(resp.statusCode()).isEqualTo(204);
        assertThat(resp.body().length()).isZero();
        client.doRequest(new ClientRequest().setMethod("HEAD").setRequestUri("/big"), resp);
        assertThat(resp.contentLength()).isEqualTo(300_000);
        assertThat(resp.body().length()).isZero();
        client.doRequest(new ClientRequest().setRequestUri("/big"), resp);
        assertThat(resp.body().length()).isEqualTo(300_000);
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThat(server.stats().connectionsAccepted()).as("all on one connection").isEqualTo(1);
    }

    @Test
    void connectionCloseFromTheServerIsHonoured() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> { });
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/close"), resp);
        assertThat(resp.connectionClose()).isTrue();
        assertThat(client.idleConnections()).isZero();
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(server.stats().connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsRetriedTransparently() throws Exception {
        Server server = server(b -> b.idleTimeout(Duration.ofMillis(200)));
        HostClient client = client(server, b -> { });
        ClientRequest req = new ClientRequest().setRequestUri("/hello");
        ClientResponse resp = new ClientResponse();
        client.doRequest(req, resp);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0); // the server closed it
        assertThat(client.idleConnections()).as("the client still holds it").isEqualTo(1);
        client.doRequest(req, resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThat(server.stats().connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void aPostOnAStaleConnectionIsNotRepeated() throws Exception {
        Server server = server(b -> b.idleTimeout(Duration.ofMillis(200)));
        HostClient client = client(server, b -> { });
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
        ClientRequest post = new ClientRequest().setMethod("POST").setRequestUri("/echo").setBodyString("once");
        assertThatThrownBy(() -> client.doRequest(post, resp)).isInstanceOf(IOException.class);
        HostClient retrying = client(server, b -> b.retryIf((request, failure, attempt) -> true));
        retrying.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
        retrying.doRequest(post, resp);
        assertThat(resp.bodyString()).isEqualTo("once");
    }

    @Test
    void timeoutsEndTheCall() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> b.readTimeout(Duration.ofMillis(300)));
        ClientResponse resp = new ClientResponse();
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/slow"), resp))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        HostClient patient = client(server, b -> { });
        assertThatThrownBy(() -> patient.doTimeout(new ClientRequest().setRequestUri("/slow"), resp, Duration.ofMillis(300)))
                .isInstanceOf(ClientException.class);
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
    }

    /** The read timeout bounds the whole response, not each read: a trickle does not keep a call alive. */
    @Test
    void aResponseThatTricklesInTimesOut() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> b.readTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/trickle"), new ClientResponse()))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.TIMEOUT));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofMillis(2500)); // the whole body takes 3 s
    }

    @Test
    void responsesOverTheBodyLimitAreRefused() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> b.maxResponseBodySize(100_000));
        ClientResponse resp = new ClientResponse();
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/big"), resp))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.BODY_TOO_LARGE));
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
    }

    @Test
    void manyCallersShareABoundedPool() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> b.maxConnections(4).maxConnectionWait(Duration.ofSeconds(30)));
        AtomicInteger ok = new AtomicInteger();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            ConcurrentCallers.run(callers, 32, caller -> {
                ClientRequest req = new ClientRequest().setRequestUri("/hello");
                ClientResponse resp = new ClientResponse();
                for (int i = 0; i < 50; i++) {
                    client.doRequest(req, resp);
                    if (resp.bodyString().equals("hello")) {
                        ok.incrementAndGet();
                    }
                }
            });
        }
        assertThat(ok.get()).isEqualTo(32 * 50);
        assertThat(server.stats().connectionsAccepted()).isLessThanOrEqualTo(4);
    }

    @Test
    void aFullPoolFailsFastUnlessWaitingIsAllowed() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> b.maxConnections(1));
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> slow = background.submit(() -> {
                client.doRequest(new ClientRequest().setRequestUri("/slow"), new ClientResponse());
                return null;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> client.openConnections() == 1 && client.idleConnections() == 0);
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/hello"), new ClientResponse()))
                    .isInstanceOf(ClientException.class)
                    .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.NO_FREE_CONNECTIONS));
            release.countDown();
            slow.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectionsIdleTooLongAreClosedByTheClient() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> b.maxIdleConnectionDuration(Duration.ofMillis(300)));
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> slow = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                slow.add(callers.submit(() -> {
                    client.doRequest(new ClientRequest().setRequestUri("/slow"), new ClientResponse());
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> client.openConnections() == 3);
            release.countDown();
            for (Future<?> f : slow) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> client.openConnections() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connectionsActive() == 0);
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThat(server.stats().connectionsAccepted()).as("a fresh one after the three expired").isEqualTo(4);
    }

    @Test
    void redirectsAreFollowedAsBrowsersDo() throws Exception {
        Server server = server(b -> { });
        HostClient client = client(server, b -> { });
        ClientResponse resp = new ClientResponse();
        ClientRequest req = new ClientRequest().setRequestUri("/redirect/3");
        client.doRedirects(req, resp, 5);
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThatThrownBy(() -> client.doRedirects(new ClientRequest().setRequestUri("/redirect/3"), resp, 2))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.TOO_MANY_REDIRECTS));
        client.doRedirects(new ClientRequest().setMethod("POST").setRequestUri("/see-other").setBodyString("abc"), resp, 5);
        assertThat(resp.bodyString()).isEqualTo("GET 0");
        client.doRedirects(new ClientRequest().setMethod("POST").setRequestUri("/temporary").setBodyString("abc"), resp, 5);
        assertThat(resp.bodyString()).isEqualTo("POST 3");
    }

    @Test
    void aRefusedConnectionIsAnIoError() {
        HostClient client = HostClient.builder("127.0.0.1:1").maxAttempts(2).build();
        toClose.add(client);
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/"), new ClientResponse()))
                .isInstanceOf(IOException.class);
    }

    /**
     * A listener that never accepts, its queue full, drops further connection attempts: such a
     * connect hangs until the client's connect timeout ends it.
     */
    @Test
    void aConnectThatHangsTimesOut() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            boolean queueFull = false;
            for (int i = 0; i < 20 && !queueFull; i++) {
                Socket filler = new Socket();
                toClose.add(filler);
                try {
                    filler.connect(address, 200);
                } catch (SocketTimeoutException e) {
                    queueFull = true;
                }
            }
            Assumptions.assumeTrue(queueFull, "this kernel does not drop connects to a full accept queue");
            HostClient client = client(listener.getLocalPort(), b -> b.connectTimeout(Duration.ofMillis(300)).maxAttempts(1));
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/"), new ClientResponse()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
        }
    }

    private HostClient client(int port, java.util.function.Consumer<HostClient.Builder> settings) {
        HostClient.Builder b = HostClient.builder("127.0.0.1:" + port);
        settings.accept(b);
        HostClient c = b.build();
        toClose.add(c);
        return c;
    }
}
