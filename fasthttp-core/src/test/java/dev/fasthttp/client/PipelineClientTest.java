package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.ConcurrentCallers;
import dev.fasthttp.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipelining client against this project's server and against raw sockets, byte-exact. */
class PipelineClientTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch slowArrived = new CountDownLatch(1);

    @AfterEach
    void closeAll() throws Exception {
        release.countDown();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private Server server(java.util.function.Consumer<Server.Builder> settings) {
        Router router = Router.builder()
                .get("/echo", ctx -> ctx.setBodyString(ctx.requestUri().toString()))
                .post("/echo", ctx -> ctx.response().setBody(ctx.body()))
                .route(Route.get("/slow", ctx -> {
                    slowArrived.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    ctx.setBodyString("slow");
                }).blocking())
                .build();
        Server s = TestServers.start(router, b -> {
            b.logger(TestServers.QUIET);
            settings.accept(b);
        });
        toClose.add(() -> s.shutdown(Duration.ofSeconds(5)));
        return s;
    }

    private PipelineClient client(int port, java.util.function.Consumer<PipelineClient.Builder> settings) {
        PipelineClient.Builder b = PipelineClient.builder("127.0.0.1:" + port);
        settings.accept(b);
        PipelineClient client = b.build();
        toClose.add(client);
        return client;
    }

    /** {@code callers} threads, each making {@code calls} GETs of its own URIs; each answer must echo its URI. */
    private static void callConcurrently(PipelineClient client, int callers, int calls) throws Exception {
        callConcurrently(client, Executors.newFixedThreadPool(callers), callers, calls);
    }

    private static void callConcurrently(PipelineClient client, ExecutorService pool, int callers, int calls) throws Exception {
        try {
            ConcurrentCallers.run(pool, callers, caller -> {
                ClientRequest req = new ClientRequest();
                ClientResponse resp = new ClientResponse();
                for (int i = 0; i < calls; i++) {
                    String uri = "/echo?caller=" + caller + "&call=" + i;
                    client.doRequest(req.setRequestUri(uri), resp);
                    assertThat(resp.statusCode()).isEqualTo(200);
                    assertThat(resp.bodyString()).isEqualTo(uri);
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyCallersShareOneConnectionAndEachGetsItsOwnAnswer() throws Exception {
        Server server = server(b -> { });
        PipelineClient client = client(server.port(), b -> { });
        callConcurrently(client, 16, 500);
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        assertThat(client.openConnections()).isEqualTo(1);
    }

    @Test
    void virtualThreadCallersAreServedByTheConnectionsOwnThreads() throws Exception {
        Server server = server(b -> { });
        PipelineClient client = client(server.port(), b -> { });
        callConcurrently(client, Executors.newVirtualThreadPerTaskExecutor(), 100, 100);
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    /** Platform callers take turns writing and reading alongside the threads serving virtual ones. */
    @Test
    void platformAndVirtualCallersShareOneConnection() throws Exception {
        Server server = server(b -> { });
        PipelineClient client = client(server.port(), b -> { });
        ExecutorService virtualCallers = Executors.newVirtualThreadPerTaskExecutor();
        Future<?> virtual = virtualCallers.submit(() -> {
            callConcurrently(client, virtualCallers, 50, 100);
            return null;
        });
        callConcurrently(client, 8, 300);
        virtual.get(60, TimeUnit.SECONDS);
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    /**
     * Callers interrupted while they wait, platform and virtual ones, still get their answers and
     * keep their interrupts, and the connection they share carries on. The first is a virtual
     * thread whose answer the server holds back: the JDK closes a socket whose I/O a virtual
     * thread is interrupted in, so such a caller must not be the one reading.
     */
    @Test
    void interruptedCallersGetTheirAnswersAndTheSharedConnectionLives() throws Exception {
        Server server = server(b -> { });
        PipelineClient client = client(server.port(), b -> { });
        List<Thread> callers = new ArrayList<>();
        List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            String uri = "/slow?caller=" + t;
            Thread.Builder threads = t % 2 == 0 ? Thread.ofVirtual() : Thread.ofPlatform();
            callers.add(threads.start(() -> {
                ClientResponse resp = new ClientResponse();
                try {
                    client.doRequest(new ClientRequest().setRequestUri(uri), resp);
                    answers.add(resp.bodyString() + " interrupted=" + Thread.currentThread().isInterrupted());
                } catch (IOException e) {
                    answers.add(e.toString());
                }
            }));
            if (t == 0) {
                assertThat(slowArrived.await(30, TimeUnit.SECONDS)).isTrue(); // the others queue behind it
            }
        }
        callers.forEach(Thread::interrupt);
        release.countDown();
        for (Thread caller : callers) {
            caller.join(30_000);
        }
        assertThat(answers).hasSize(8).allMatch(answer -> answer.equals("slow interrupted=true"));
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/echo"), resp);
        assertThat(resp.bodyString()).isEqualTo("/echo");
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void callersSpreadOverUpToMaxConnections() throws Exception {
        Server server = server(b -> { });
        PipelineClient client = client(server.port(), b -> b.maxConnections(3));
        callConcurrently(client, 16, 300);
        assertThat(server.stats().connectionsAccepted()).isBetween(1L, 3L);
    }

    /**
     * Batches and answers far larger than the sockets' buffers: the server answers as it reads, so
     * responses must be taken while the batch is still being written, or both directions fill up.
     */
    @Test
    void bigRequestsAndBigAnswersFlowBothWaysAtOnce() throws Exception {
        Server server = server(b -> b.maxRequestBodySize(1024 * 1024));
        PipelineClient client = client(server.port(), b -> b.writeTimeout(Duration.ofSeconds(20)).readTimeout(Duration.ofSeconds(20)));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            ConcurrentCallers.run(pool, 16, caller -> {
                byte[] body = new byte[512 * 1024];
                java.util.Arrays.fill(body, (byte) ('a' + caller));
                ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri("/echo").setBody(body);
                ClientResponse resp = new ClientResponse();
                for (int i = 0; i < 4; i++) {
                    client.doRequest(req, resp);
                    assertThat(resp.bodyBytes()).isEqualTo(body);
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestsTheServerDroppedByClosingAreSentAgain() throws Exception {
        // every 7th response says Connection: close; what was pipelined behind it got no answer.
        // A call can land behind such a response again on its next connection: attempts to spare.
        Server server = server(b -> b.maxRequestsPerConnection(7));
        PipelineClient client = client(server.port(), b -> b.maxAttempts(20));
        callConcurrently(client, 8, 200);
        assertThat(server.stats().connectionsAccepted()).isGreaterThanOrEqualTo(1600 / 7);
    }

    @Test
    void anIdleConnectionIsClosedAndTheNextCallOpensAnother() throws Exception {
        Server server = server(b -> { });
        PipelineClient client = client(server.port(), b -> b.maxIdleConnectionDuration(Duration.ofMillis(200)));
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/echo"), resp);
        assertThat(client.openConnections()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.openConnections() == 0);
        client.doRequest(new ClientRequest().setRequestUri("/echo?again"), resp);
        assertThat(resp.bodyString()).isEqualTo("/echo?again");
        assertThat(server.stats().connectionsAccepted()).isEqualTo(2);
    }

    /**
     * The threads serving virtual-thread callers wait for work as long as the client lives; a
     * client dropped without being closed is collected all the same, and its connection closed.
     */
    @Test
    void aClientDroppedWithoutClosingIsCollectedAndItsConnectionClosed() throws Exception {
        Server server = server(b -> { });
        java.lang.ref.WeakReference<PipelineClient> dropped = new java.lang.ref.WeakReference<>(
                PipelineClient.builder("127.0.0.1:" + server.port()).maxIdleConnectionDuration(Duration.ofMinutes(10)).build());
        Thread.ofVirtual().start(() -> {
            try {
                dropped.get().doRequest(new ClientRequest().setRequestUri("/echo"), new ClientResponse());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).join(30_000);
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return dropped.get() == null && server.stats().connectionsActive() == 0;
        });
    }

    @Test
    void aLateResponseTimesOutAndTheNextCallsUseANewConnection() throws Exception {
        Server server = server(b -> { });
        PipelineClient client = client(server.port(), b -> b.readTimeout(Duration.ofMillis(300)));
        ClientResponse resp = new ClientResponse();
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/slow"), resp))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.TIMEOUT));
        client.doRequest(new ClientRequest().setRequestUri("/echo"), resp);
        assertThat(resp.bodyString()).isEqualTo("/echo");
    }

    @Test
    void aFullPipelineRefusesMoreAtOnce() throws Exception {
        Server server = server(b -> { });
        PipelineClient client = client(server.port(), b -> b.maxPendingRequests(1));
        ExecutorService slowCaller = Executors.newSingleThreadExecutor();
        try {
            Future<String> slow = slowCaller.submit(() -> {
                ClientResponse resp = new ClientResponse();
                client.doRequest(new ClientRequest().setRequestUri("/slow"), resp);
                return resp.bodyString();
            });
            assertThat(slowArrived.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/echo"), new ClientResponse()))
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("maxPendingRequests");
            release.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("slow");
        } finally {
            slowCaller.shutdownNow();
        }
    }

    /**
     * A server that waits for three requests, then answers them in one write with three framings
     * (chunked, Content-Length, 204), the last response split over a second write: each caller
     * still gets the answer naming its own request.
     */
    @Test
    void responsesArrivingJoinedAndSplitAreMatchedToTheirRequests() throws Exception {
        Pattern target = Pattern.compile("GET (\\S+) HTTP/1.1");
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofPlatform().start(() -> {
                try (Socket s = listener.accept()) {
                    InputStream in = s.getInputStream();
                    ByteArrayOutputStream received = new ByteArrayOutputStream();
                    byte[] chunk = new byte[4096];
                    while (count(received.toString(StandardCharsets.US_ASCII), "\r\n\r\n") < 3) {
                        received.write(chunk, 0, in.read(chunk));
                    }
                    Matcher m = target.matcher(received.toString(StandardCharsets.US_ASCII));
                    List<String> uris = new ArrayList<>();
                    while (m.find()) {
                        uris.add(m.group(1));
                    }
                    String first = uris.get(0);
                    String second = uris.get(1);
                    String third = uris.get(2);
                    String all = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(first.length()) + "\r\n" + first + "\r\n0\r\n\r\n"
                            + "HTTP/1.1 200 OK\r\nContent-Length: " + second.length() + "\r\n\r\n" + second
                            + "HTTP/1.1 204 No Content\r\nX-Uri: " + third + "\r\n\r\n";
                    int split = all.length() - 9;
                    OutputStream out = s.getOutputStream();
                    out.write(all.substring(0, split).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    out.write(all.substring(split).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    in.read(); // until the client hangs up
                } catch (IOException e) {
                    // the test's assertions tell
                }
            });
            PipelineClient client = client(listener.getLocalPort(), b -> { });
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService callers = Executors.newFixedThreadPool(3);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String uri = "/call/" + i;
                    answers.add(callers.submit(() -> {
                        start.await();
                        ClientResponse resp = new ClientResponse();
                        client.doRequest(new ClientRequest().setRequestUri(uri), resp);
                        return resp.statusCode() == 204 ? resp.header("X-Uri").toString() : resp.bodyString();
                    }));
                }
                start.countDown();
                for (int i = 0; i < 3; i++) {
                    assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("/call/" + i);
                }
            } finally {
                callers.shutdownNow();
                client.close();
                serverThread.join(10_000);
            }
        }
    }

    @Test
    void aPostLeftUnansweredIsNotRepeated() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofPlatform().start(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) { // reads the request, hangs up without a word
                        byte[] head = new byte[4096];
                        int n = s.getInputStream().read(head);
                        if (n > 0 && new String(head, 0, n, StandardCharsets.US_ASCII).startsWith("POST")) {
                            posts.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return; // listener closed
                    }
                }
            });
            PipelineClient client = client(listener.getLocalPort(), b -> { });
            ClientRequest post = new ClientRequest().setMethod("POST").setRequestUri("/orders").setBodyString("{}");
            assertThatThrownBy(() -> client.doRequest(post, new ClientResponse()))
                    .isInstanceOf(ClientException.class)
                    .satisfies(e -> assertThat(((ClientException) e).kind()).isEqualTo(ClientException.Kind.CONNECTION_CLOSED));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(posts).hasValue(1));
            listener.close();
            serverThread.join(10_000);
        }
        assertThat(posts).hasValue(1);
    }

    @Test
    void aRefusedConnectionFailsAfterItsAttempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PipelineClient client = client(port, b -> b.maxAttempts(3));
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setRequestUri("/"), new ClientResponse()))
                .isInstanceOf(IOException.class);
        assertThat(client.openConnections()).isZero();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
