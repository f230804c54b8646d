package dev.fasthttp.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
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
 * Apache HttpClient 5 (classic, pooled) in {@link ClientBenchmark}'s end-to-end TCP benchmark:
 * the same echo server, URI, body check and thread counts, with a pool as large as the callers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:AutoBoxCacheMax=65536"})
public class ApacheClientBenchmark {

    @State(Scope.Benchmark)
    public static class Tcp {
        EchoServer server;
        CloseableHttpClient client;
        String url;

        @Setup
        public void start() {
            server = new EchoServer();
            client = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(1000)
                            .setMaxConnTotal(1000)
                            .build())
                    .build();
            url = server.url();
        }

        @TearDown
        public void stop() throws IOException {
            client.close();
            server.close();
        }
    }

    @Benchmark
    @Threads(1)
    public int apacheClientGetEndToEnd1TCP(Tcp tcp) throws IOException {
        return get(tcp);
    }

    @Benchmark
    @Threads(10)
    public int apacheClientGetEndToEnd10TCP(Tcp tcp) throws IOException {
        return get(tcp);
    }

    @Benchmark
    @Threads(100)
    public int apacheClientGetEndToEnd100TCP(Tcp tcp) throws IOException {
        return get(tcp);
    }

    private static int get(Tcp tcp) throws IOException {
        return tcp.client.execute(new HttpGet(tcp.url), response -> {
            String body = EntityUtils.toString(response.getEntity());
            EchoServer.check(response.getCode(), body.equals(EchoServer.REQUEST_URI));
            return body.length();
        });
    }
}
