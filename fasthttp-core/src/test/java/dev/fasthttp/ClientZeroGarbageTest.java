package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The client's promise: once warm, a keep-alive GET through a {@link HostClient}, with the caller
 * reusing its request and response, allocates nothing on the calling thread.
 */
class ClientZeroGarbageTest {

    @Test
    void keepAliveGetAllocatesNothingOnTheCallingThread() throws Exception {
        Server server = TestServers.start(ctx -> ctx.setContentType("text/plain").write(ctx.requestUri()),
                b -> b.logger(TestServers.QUIET));
        try (HostClient client = HostClient.builder("127.0.0.1:" + server.port()).build()) {
            ClientRequest req = new ClientRequest().setRequestUri("/foo/bar?baz=123");
            ClientResponse resp = new ClientResponse();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().threadId();
            for (int i = 0; i < 30_000; i++) {
                client.doRequest(req, resp);
            }
            long before = threads.getThreadAllocatedBytes(self);
            int measured = 20_000;
            int ok = 0;
            for (int i = 0; i < measured; i++) {
                client.doRequest(req, resp);
                if (resp.statusCode() == 200 && resp.body().contentEquals("/foo/bar?baz=123")) {
                    ok++;
                }
            }
            long allocated = threads.getThreadAllocatedBytes(self) - before;
            System.out.printf("HostClient: %d bytes allocated on the calling thread over %d requests (%.4f B/request)%n",
                    allocated, measured, (double) allocated / measured);
            assertThat(ok).isEqualTo(measured);
            assertThat((double) allocated / measured).isLessThan(1.0);
            assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        } finally {
            server.shutdown(Duration.ofSeconds(5));
        }
    }
}
