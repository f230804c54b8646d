package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's promise: once warm, a keep-alive GET, with the caller reusing its request and
 * response, allocates nothing on the calling thread.
 */
class ClientZeroGarbageTest {

    private static final String REQUEST_URI = "/foo/bar?baz=123";
    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 20_000;

    private static Server server;

    @BeforeAll
    static void startServer() {
        server = TestServers.start(ctx -> ctx.setContentType("text/plain").write(ctx.requestUri()),
                b -> b.logger(TestServers.QUIET));
    }

    @AfterAll
    static void stopServer() {
        server.shutdown(Duration.ofSeconds(5));
    }

    /** One call; true if the response was the expected echo. */
    private interface Call {
        boolean call(ClientRequest req, ClientResponse resp) throws IOException;
    }

    @Test
    void hostClientDoRequest() throws Exception {
        try (HostClient client = HostClient.builder("127.0.0.1:" + server.port()).build()) {
            ClientRequest req = new ClientRequest().setRequestUri(REQUEST_URI);
            assertAllocatesNothing("HostClient.doRequest", req, (rq, rs) -> {
                client.doRequest(rq, rs);
                return isEcho(rs);
            });
            assertThat(client.openConnections()).isEqualTo(1);
        }
    }

    /** What Go's {@code Client.Get(url)} does: an absolute URL parsed on every call, redirects followed. */
    @Test
    void clientGetOfAnAbsoluteUrl() throws Exception {
        String url = "http://127.0.0.1:" + server.port() + REQUEST_URI;
        try (Client client = Client.builder().build()) {
            assertAllocatesNothing("Client.doRedirects", new ClientRequest(), (rq, rs) -> {
                rq.reset().setRequestUri(url);
                client.doRedirects(rq, rs, Client.DEFAULT_MAX_REDIRECTS);
                return isEcho(rs);
            });
        }
    }

    /**
     * Pipelined, from a platform thread: the caller queues its call, then writes and reads for the
     * connection itself (alone, it always gets both turns).
     */
    @Test
    void pipelineClientDoRequest() throws Exception {
        try (PipelineClient client = PipelineClient.builder("127.0.0.1:" + server.port()).build()) {
            ClientRequest req = new ClientRequest().setRequestUri(REQUEST_URI);
            assertAllocatesNothing("PipelineClient.doRequest", req, (rq, rs) -> {
                client.doRequest(rq, rs);
                return isEcho(rs);
            });
            assertThat(client.openConnections()).isEqualTo(1);
        }
    }

    private static boolean isEcho(ClientResponse resp) {
        return resp.statusCode() == 200 && resp.body().contentEquals(REQUEST_URI);
    }

    private static void assertAllocatesNothing(String label, ClientRequest req, Call call) throws IOException {
        ClientResponse resp = new ClientResponse();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        for (int i = 0; i < WARM_UP; i++) {
            call.call(req, resp);
        }
        long before = threads.getThreadAllocatedBytes(self);
        int ok = 0;
        for (int i = 0; i < MEASURED; i++) {
            if (call.call(req, resp)) {
                ok++;
            }
        }
        long allocated = threads.getThreadAllocatedBytes(self) - before;
        System.out.printf("%s: %d bytes allocated on the calling thread over %d requests (%.4f B/request)%n",
                label, allocated, MEASURED, (double) allocated / MEASURED);
        assertThat(ok).isEqualTo(MEASURED);
        assertThat((double) allocated / MEASURED).isLessThan(1.0);
    }
}
