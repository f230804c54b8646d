package dev.fasthttp.benchmarks;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server through parse, handler, encode and write, on in-memory connections, mirroring
 * fasthttp's {@code BenchmarkServerGet*} (server_timing_test.go): the same 205-byte GET, a
 * handler that checks the method and answers {@code success("text/plain", "Hello, world!")}.
 * One operation is one request. Single-threaded, to compare with fasthttp at GOMAXPROCS=1.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ServerBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Thread)
public class ServerBenchmark {

    static final byte[] GET = ("GET /foobar?baz HTTP/1.1\r\n"
            + "Host: google.com\r\n"
            + "User-Agent: aaa.bbb.ccc.ddd.eee.fff.ggg.hhh.iii.jjj.kkk.lll.mmm.nnn.ooo.ppp\r\n"
            + "Referer: http://example.com/aaa?bbb=ccc\r\n"
            + "Cookie: foo=bar; baz=xxx; aaa=aaaaaaaaaaa\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);
    static final byte[] HELLO = "Hello, world!".getBytes(StandardCharsets.US_ASCII);

    private Server server;
    private FakeServerConnection oneRequest;
    private FakeServerConnection tenThousandRequests;

    @Setup(Level.Trial)
    public void setUp() {
        server = Server.builder().handler(ServerBenchmark::handle).build();
        oneRequest = new FakeServerConnection(GET, 1);
        tenThousandRequests = new FakeServerConnection(GET, 10_000);
    }

    static void handle(RequestCtx ctx) {
        if (!ctx.isGet()) {
            ctx.error("unexpected method", 400);
            return;
        }
        ctx.success("text/plain", HELLO);
    }

    @Benchmark
    public long serverGet1ReqPerConn() throws IOException {
        oneRequest.reset();
        server.serveConnection(oneRequest);
        return oneRequest.bytesWritten();
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public long serverGet10KReqPerConn() throws IOException {
        tenThousandRequests.reset();
        server.serveConnection(tenThousandRequests);
        return tenThousandRequests.bytesWritten();
    }
}
