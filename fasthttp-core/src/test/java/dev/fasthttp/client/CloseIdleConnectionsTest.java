package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.TestServers;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code closeIdleConnections()}: idle connections go now, those in use stay and come back. */
class CloseIdleConnectionsTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch together = new CountDownLatch(3);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private Server server() {
        Router router = Router.builder()
                .get("/hello", ctx -> ctx.success("text/plain", "hello"))
                .get("/bytes", ctx -> ctx.setBodyStream(new PatternStream(100_000), 100_000))
                .route(Route.get("/together", ctx -> { // answers once three calls are in: three connections
                    together.countDown();
                    together.await(30, TimeUnit.SECONDS);
                    ctx.setBodyString("ok");
                }).blocking())
                .build();
        Server s = TestServers.start(router, b -> b.logger(TestServers.QUIET));
        toClose.add(() -> s.shutdown(Duration.ofSeconds(5)));
        return s;
    }

    @Test
    void hostClientClosesIdleConnectionsAndLeavesTheOneInUse() throws Exception {
        Server server = server();
        HostClient client = HostClient.builder("127.0.0.1:" + server.port()).build();
        toClose.add(client);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(callers.submit(() -> {
                    ClientResponse resp = new ClientResponse();
                    client.doRequest(new ClientRequest().setRequestUri("/together"), resp);
                    return resp.bodyString();
                }));
            }
            for (Future<String> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("ok");
            }
        }
        assertThat(client.idleConnections()).isEqualTo(3);

        ClientResponse streamed = new ClientResponse(); // holds one connection while its body is unread
        client.doRequest(new ClientRequest().setRequestUri("/bytes").setStreamResponseBody(true), streamed);
        assertThat(client.idleConnections()).isEqualTo(2);
        assertThat(client.openConnections()).isEqualTo(3);

        client.closeIdleConnections();

        assertThat(client.idleConnections()).isZero();
        assertThat(client.openConnections()).as("the one in use stays").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.stats().connectionsActive() == 1);
        try (InputStream body = streamed.bodyStream()) {
            assertThat(body.readAllBytes()).hasSize(100_000);
        }
        assertThat(client.idleConnections()).as("pooled as usual once its body is read").isEqualTo(1);

        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setRequestUri("/hello"), resp);
        assertThat(resp.bodyString()).isEqualTo("hello");
        assertThat(server.stats().connectionsAccepted()).isEqualTo(3);
    }

    @Test
    void clientClosesTheIdleConnectionsOfEveryHost() throws Exception {
        Server first = server();
        Server second = server();
        try (Client client = Client.builder().build()) {
            ClientResponse resp = new ClientResponse();
            client.doRequest(new ClientRequest().setRequestUri("http://127.0.0.1:" + first.port() + "/hello"), resp);
            client.doRequest(new ClientRequest().setRequestUri("http://127.0.0.1:" + second.port() + "/hello"), resp);
            assertThat(client.idleConnections()).isEqualTo(2);
            assertThat(client.openConnections()).isEqualTo(2);

            client.closeIdleConnections();

            assertThat(client.idleConnections()).isZero();
            assertThat(client.openConnections()).isZero();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> first.stats().connectionsActive() == 0 && second.stats().connectionsActive() == 0);
            client.doRequest(new ClientRequest().setRequestUri("http://127.0.0.1:" + first.port() + "/hello"), resp);
            assertThat(resp.bodyString()).as("still usable: dials anew").isEqualTo("hello");
        }
    }
}
