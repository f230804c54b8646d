package dev.fasthttp.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * The JDK's {@link HttpClient} (HTTP/1.1) in {@link ClientBenchmark}'s end-to-end TCP benchmark:
 * the same echo server, URI, body check and thread counts. Given the best case: its request is
 * built once per thread, not per call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:AutoBoxCacheMax=65536"})
public class JdkClientBenchmark {

    @State(Scope.Benchmark)
    public static class Tcp {
        EchoServer server;
        HttpClient client;
        URI uri;

        @Setup
        public void start() {
            server = new EchoServer();
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            uri = URI.create(server.url());
        }

        @TearDown
        public void stop() {
            client.close();
            server.close();
        }
    }

    @State(Scope.Thread)
    public static class Caller {
        HttpRequest request;

        @Setup
        public void build(Tcp tcp) {
            request = HttpRequest.newBuilder(tcp.uri).GET().build();
        }
    }

    @Benchmark
    @Threads(1)
    public int jdkClientGetEndToEnd1TCP(Tcp tcp, Caller caller) throws IOException, InterruptedException {
        return get(tcp, caller);
    }

    @Benchmark
    @Threads(10)
    public int jdkClientGetEndToEnd10TCP(Tcp tcp, Caller caller) throws IOException, InterruptedException {
        return get(tcp, caller);
    }

    @Benchmark
    @Threads(100)
    public int jdkClientGetEndToEnd100TCP(Tcp tcp, Caller caller) throws IOException, InterruptedException {
        return get(tcp, caller);
    }

    private static int get(Tcp tcp, Caller caller) throws IOException, InterruptedException {
        HttpResponse<String> response = tcp.client.send(caller.request, HttpResponse.BodyHandlers.ofString());
        EchoServer.check(response.statusCode(), response.body().equals(EchoServer.REQUEST_URI));
        return response.body().length();
    }
}
