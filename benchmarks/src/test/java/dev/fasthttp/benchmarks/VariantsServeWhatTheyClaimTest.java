package dev.fasthttp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Outside JMH: every variant serves exactly the requests it claims, on as many distinct client
 * connections as it claims, and answers each with the expected response.
 */
class VariantsServeWhatTheyClaimTest {

    private static final int DEFAULT = FasthttpRequests.DEFAULT_CLIENTS;
    private static final int TEN_K = FasthttpRequests.TEN_K_CLIENTS;

    record Claim(String name, Supplier<? extends ServerBenchmark.Variant> state, boolean post, int clients, int requestsPerConn) {
    }

    private static final List<Claim> ENGINE = List.of(
            new Claim("ServerGet1ReqPerConn", ServerBenchmark.Get1ReqPerConn::new, false, DEFAULT, 1),
            new Claim("ServerGet2ReqPerConn", ServerBenchmark.Get2ReqPerConn::new, false, DEFAULT, 2),
            new Claim("ServerGet10ReqPerConn", ServerBenchmark.Get10ReqPerConn::new, false, DEFAULT, 10),
            new Claim("ServerGet10KReqPerConn", ServerBenchmark.Get10KReqPerConn::new, false, DEFAULT, 10_000),
            new Claim("ServerGet1ReqPerConn10KClients", ServerBenchmark.Get1ReqPerConn10KClients::new, false, TEN_K, 1),
            new Claim("ServerGet2ReqPerConn10KClients", ServerBenchmark.Get2ReqPerConn10KClients::new, false, TEN_K, 2),
            new Claim("ServerGet10ReqPerConn10KClients", ServerBenchmark.Get10ReqPerConn10KClients::new, false, TEN_K, 10),
            new Claim("ServerGet100ReqPerConn10KClients", ServerBenchmark.Get100ReqPerConn10KClients::new, false, TEN_K, 100),
            new Claim("ServerPost1ReqPerConn", ServerBenchmark.Post1ReqPerConn::new, true, DEFAULT, 1),
            new Claim("ServerPost2ReqPerConn", ServerBenchmark.Post2ReqPerConn::new, true, DEFAULT, 2),
            new Claim("ServerPost10ReqPerConn", ServerBenchmark.Post10ReqPerConn::new, true, DEFAULT, 10),
            new Claim("ServerPost10KReqPerConn", ServerBenchmark.Post10KReqPerConn::new, true, DEFAULT, 10_000));

    record NettyClaim(String name, Supplier<? extends NettyServerBenchmark.Variant> state, boolean post, int requestsPerConn) {
    }

    private static final List<NettyClaim> NETTY = List.of(
            new NettyClaim("nettyServerGet1ReqPerConn", NettyServerBenchmark.Get1ReqPerConn::new, false, 1),
            new NettyClaim("nettyServerGet2ReqPerConn", NettyServerBenchmark.Get2ReqPerConn::new, false, 2),
            new NettyClaim("nettyServerGet10ReqPerConn", NettyServerBenchmark.Get10ReqPerConn::new, false, 10),
            new NettyClaim("nettyServerGet10KReqPerConn", NettyServerBenchmark.Get10KReqPerConn::new, false, 10_000),
            new NettyClaim("nettyServerPost1ReqPerConn", NettyServerBenchmark.Post1ReqPerConn::new, true, 1),
            new NettyClaim("nettyServerPost10KReqPerConn", NettyServerBenchmark.Post10KReqPerConn::new, true, 10_000));

    @Test
    void everyBenchmarkMethodIsCovered() {
        List<String> methods = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(ServerBenchmark.class.getDeclaredMethods()),
                        java.util.Arrays.stream(NettyServerBenchmark.class.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class))
                .map(m -> m.getName().toLowerCase())
                .toList();
        List<String> claimed = java.util.stream.Stream.concat(ENGINE.stream().map(c -> ("server" + c.name().substring(6))),
                        NETTY.stream().map(NettyClaim::name))
                .map(String::toLowerCase)
                .toList();
        assertThat(methods).containsExactlyInAnyOrderElementsOf(claimed);
    }

    @Test
    void engineVariantsServeExactlyTheirRequests() throws IOException {
        for (Claim claim : ENGINE) {
            ServerBenchmark.Variant v = claim.state().get();
            v.setUp();
            assertThat(v.listener().clients()).as(claim.name()).isEqualTo(claim.clients());
            assertThat(v.listener().requestsPerConn()).as(claim.name()).isEqualTo(claim.requestsPerConn());

            // One connection with its output kept: exactly requestsPerConn expected responses.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FakeServerConnection c = v.listener().accept().capture(out);
            v.server().serveConnection(c);
            c.capture(null);
            assertThat(c.requestsLeft()).as(claim.name()).isZero();
            assertThat(c.closed()).as(claim.name()).isTrue();
            String expected = ServerBenchmark.expectedResponse(claim.requestsPerConn() == 1).repeat(claim.requestsPerConn());
            assertThat(withoutDates(out)).as(claim.name()).isEqualTo(withoutDates(expected));
            assertThat(v.served()).as(claim.name()).isEqualTo(claim.requestsPerConn());

            // Then as the benchmark runs it, around the ring and beyond (for the small rings).
            int connections = Math.min(claim.clients() + 1, 3);
            for (int i = 0; i < connections; i++) {
                assertThat(v.serveConnection()).as(claim.name())
                        .isEqualTo((long) claim.requestsPerConn() * ServerBenchmark.expectedResponseLength(claim.requestsPerConn() == 1));
            }
            assertThat(v.served()).as(claim.name()).isEqualTo((long) (connections + 1) * claim.requestsPerConn());
        }
    }

    @Test
    void nettyVariantsServeExactlyTheirRequests() {
        for (NettyClaim claim : NETTY) {
            NettyServerBenchmark.Variant v = claim.state().get();
            v.setUp();
            assertThat(v.listener().clients()).as(claim.name()).isEqualTo(DEFAULT);
            assertThat(v.listener().requestsPerConn()).as(claim.name()).isEqualTo(claim.requestsPerConn());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            v.capture(out);
            long written = v.serveConnection();
            v.capture(null);
            String expected = NettyServerBenchmark.expectedResponse(claim.requestsPerConn() == 1).repeat(claim.requestsPerConn());
            assertThat(out.toString(StandardCharsets.US_ASCII)).as(claim.name()).isEqualTo(expected);
            assertThat(written).as(claim.name()).isEqualTo(expected.length());
            v.serveConnection();
            assertThat(v.served()).as(claim.name()).isEqualTo(2L * claim.requestsPerConn());
        }
    }

    @Test
    void aWrongRequestFailsTheBenchmark() {
        // The GET handler given POSTs: the benchmark must throw, not count 500s as served.
        ServerBenchmark.Variant v = new ServerBenchmark.Get10ReqPerConn();
        v.setUp();
        v.listener = new FakeListener(FasthttpRequests.POST, 1, 10);
        assertThatThrownBy(v::serveConnection).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unexpected request method: POST");

        NettyServerBenchmark.Variant n = new NettyServerBenchmark.Get10ReqPerConn();
        n.setUp();
        n.listener = new FakeListener(FasthttpRequests.POST, 1, 10);
        assertThatThrownBy(n::serveConnection).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unexpected request method: POST");
    }

    private static String withoutDates(Object text) {
        String s = text instanceof ByteArrayOutputStream b ? b.toString(StandardCharsets.US_ASCII) : (String) text;
        return s.replaceAll("Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n", "Date: -\r\n");
    }
}
