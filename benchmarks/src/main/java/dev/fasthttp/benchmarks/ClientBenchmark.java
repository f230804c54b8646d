package dev.fasthttp.benchmarks;

import dev.fasthttp.client.Client;
import dev.fasthttp.client.ClientRequest;
import dev.fasthttp.client.ClientResponse;
import dev.fasthttp.client.PipelineClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Go fasthttp's client benchmarks ({@code client_timing_test.go}, fasthttp 1.31), mirrored on this
 * project's {@link Client}.
 *
 * <ul>
 * <li>{@code ClientGetEndToEnd{1,10,100}TCP}: a GET of {@code /foo/bar?baz=123} to this project's
 *     server on a loopback port, in the same JVM, answering the request URI; the body is checked.</li>
 * <li>{@code ClientGetEndToEnd{1,10,100,1000}Inmemory}: the same over in-memory pipes, each
 *     connection served on a thread of its own ({@link InMemoryListener}).</li>
 * <li>{@code PipelineClient{1,10,100,1000}}: {@link PipelineClient} over in-memory pipes, all
 *     callers on one connection, answered "foobar".</li>
 * <li>{@code ClientDoFastServer}: {@code Client.doRequest} over a connection that answers a fixed
 *     12-byte body at once ({@link FastServerConnection}): the client's own cost.</li>
 * </ul>
 *
 * <p>Each method is Go's name after the client's: {@code fasthttpClientGetEndToEnd10TCP} here,
 * {@code jdkClientGetEndToEnd10TCP} and {@code apacheClientGetEndToEnd10TCP} for the peers.
 *
 * <p>Go runs them with {@code b.RunParallel} and {@code SetParallelism(N)}: N goroutines per
 * GOMAXPROCS, and at GOMAXPROCS=1 its ns/op is the wall time per request over all of them. Here
 * N JMH threads share the one core the JVM is pinned to; the score is requests per second over
 * all threads, so the Go-comparable ns/op is 10^9 / score. As Go's {@code Client.Get(url)} parses
 * its URL and follows redirects on every call, so does each op here ({@code setRequestUri} of an
 * absolute URL, {@code doRedirects}), with a request and response reused per thread.
 *
 * <p>Ten one-second warm-up iterations rather than five: pinned to one core, the JIT compiles on
 * the same core as the benchmark, and the TCP variants reach their steady speed only after about
 * seven seconds (ClientGetEndToEnd100TCP went from 27K to 63K ops/s between warm-up iterations 2
 * and 7); the peers' benchmarks get the same warm-up.
 *
 * <pre>taskset -c 0 java -jar benchmarks/target/benchmarks.jar 'ClientBenchmark|ClientVirtualThreadsBenchmark|JdkClientBenchmark|ApacheClientBenchmark' -prof gc</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:AutoBoxCacheMax=65536"})
public class ClientBenchmark {

    /** At least the most callers of any variant, so the pool never makes one wait: Go sets GOMAXPROCS x parallelism. */
    private static final int MAX_CONNECTIONS = 1000;

    @State(Scope.Benchmark)
    public static class Tcp {
        EchoServer server;
        Client client;
        String url;

        @Setup
        public void start() {
            server = new EchoServer();
            client = Client.builder().maxConnections(MAX_CONNECTIONS).build();
            url = server.url();
        }

        @TearDown
        public void stop() {
            client.close();
            server.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Inmemory {
        InMemoryListener listener;
        Client client;
        /** Never resolved to a real host: the dialer ignores the address. */
        final String url = "http://127.0.0.1:8543" + EchoServer.REQUEST_URI;

        @Setup
        public void start() {
            listener = new InMemoryListener(EchoServer.HANDLER);
            client = Client.builder()
                    .maxConnections(MAX_CONNECTIONS)
                    .dialer((address, timeout) -> listener.dial())
                    .build();
        }

        @TearDown
        public void stop() {
            client.close();
            listener.close();
        }
    }

    /** One caller's request and response, reused for each of its calls. */
    @State(Scope.Thread)
    public static class Caller {
        final ClientRequest req = new ClientRequest();
        final ClientResponse resp = new ClientResponse();
    }

    @Benchmark
    @Threads(1)
    public int fasthttpClientGetEndToEnd1TCP(Tcp tcp, Caller caller) throws IOException {
        return get(tcp.client, tcp.url, caller);
    }

    @Benchmark
    @Threads(10)
    public int fasthttpClientGetEndToEnd10TCP(Tcp tcp, Caller caller) throws IOException {
        return get(tcp.client, tcp.url, caller);
    }

    @Benchmark
    @Threads(100)
    public int fasthttpClientGetEndToEnd100TCP(Tcp tcp, Caller caller) throws IOException {
        return get(tcp.client, tcp.url, caller);
    }

    @Benchmark
    @Threads(1)
    public int fasthttpClientGetEndToEnd1Inmemory(Inmemory mem, Caller caller) throws IOException {
        return get(mem.client, mem.url, caller);
    }

    @Benchmark
    @Threads(10)
    public int fasthttpClientGetEndToEnd10Inmemory(Inmemory mem, Caller caller) throws IOException {
        return get(mem.client, mem.url, caller);
    }

    @Benchmark
    @Threads(100)
    public int fasthttpClientGetEndToEnd100Inmemory(Inmemory mem, Caller caller) throws IOException {
        return get(mem.client, mem.url, caller);
    }

    @Benchmark
    @Threads(1000)
    public int fasthttpClientGetEndToEnd1000Inmemory(Inmemory mem, Caller caller) throws IOException {
        return get(mem.client, mem.url, caller);
    }

    static int get(Client client, String url, Caller caller) throws IOException {
        caller.req.reset().setRequestUri(url);
        client.doRedirects(caller.req, caller.resp, Client.DEFAULT_MAX_REDIRECTS);
        EchoServer.check(caller.resp.statusCode(), caller.resp.body().contentEquals(EchoServer.REQUEST_URI));
        return caller.resp.body().length();
    }

    /**
     * Go's {@code benchmarkPipelineClient}: a server answering "foobar" over in-memory pipes, one
     * connection (Go's MaxConns = GOMAXPROCS), room for every caller's request on it.
     */
    @State(Scope.Benchmark)
    public static class Pipelined {
        static final String BODY = "foobar";
        InMemoryListener listener;
        PipelineClient client;

        @Setup
        public void start(BenchmarkParams params) {
            listener = new InMemoryListener(ctx -> ctx.write(BODY));
            client = PipelineClient.builder("127.0.0.1:8543") // never resolved to a real host: the dialer ignores it
                    .maxConnections(1)
                    .maxPendingRequests(params.getThreads())
                    .dialer((address, timeout) -> listener.dial())
                    .build();
        }

        @TearDown
        public void stop() {
            client.close();
            listener.close();
        }
    }

    /** One pipelining caller's request, set once as in Go's benchmark, and response. */
    @State(Scope.Thread)
    public static class PipelineCaller {
        final ClientRequest req = new ClientRequest().setRequestUri("http://127.0.0.1:8543/foo/bar?baz=123");
        final ClientResponse resp = new ClientResponse();
    }

    @Benchmark
    @Threads(1)
    public int fasthttpPipelineClient1(Pipelined p, PipelineCaller caller) throws IOException {
        return pipelined(p, caller);
    }

    @Benchmark
    @Threads(10)
    public int fasthttpPipelineClient10(Pipelined p, PipelineCaller caller) throws IOException {
        return pipelined(p, caller);
    }

    @Benchmark
    @Threads(100)
    public int fasthttpPipelineClient100(Pipelined p, PipelineCaller caller) throws IOException {
        return pipelined(p, caller);
    }

    @Benchmark
    @Threads(1000)
    public int fasthttpPipelineClient1000(Pipelined p, PipelineCaller caller) throws IOException {
        return pipelined(p, caller);
    }

    private static int pipelined(Pipelined p, PipelineCaller caller) throws IOException {
        p.client.doRequest(caller.req, caller.resp);
        EchoServer.check(caller.resp.statusCode(), caller.resp.body().contentEquals(Pipelined.BODY));
        return caller.resp.body().length();
    }

    @State(Scope.Thread)
    public static class FastServer {
        static final String BODY = "012345678912";
        Client client;
        final ClientRequest req = new ClientRequest();
        final ClientResponse resp = new ClientResponse();

        @Setup
        public void start() {
            byte[] response = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + BODY.length()
                    + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);
            client = Client.builder()
                    .maxConnections(1)
                    .dialer((address, timeout) -> {
                        FastServerConnection c = new FastServerConnection(response);
                        return new InMemorySocket(c.input, c.output, () -> { });
                    })
                    .build();
            req.setRequestUri("http://127.0.0.1:8765/aaa/bbb");
        }

        @TearDown
        public void stop() {
            client.close();
        }
    }

    @Benchmark
    @Threads(1)
    public int fasthttpClientDoFastServer(FastServer fast) throws IOException {
        fast.client.doRequest(fast.req, fast.resp);
        EchoServer.check(fast.resp.statusCode(), fast.resp.body().contentEquals(FastServer.BODY));
        return fast.resp.body().length();
    }
}
