package dev.fasthttp;

import static dev.fasthttp.benchmarks.FasthttpRequests.GET;
import static dev.fasthttp.benchmarks.FasthttpRequests.HELLO;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HeadScanner;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The response head encoder alone: {@link ResponseEncoder#encodeHead} for the response of
 * fasthttp's server benchmarks ({@code success("text/plain", "Hello, world!")} to the 201-byte
 * GET), kept alive or with {@code Connection: close}. That is status line, {@code Server},
 * {@code Date} (refreshed from {@code System.currentTimeMillis()}, as on a connection served by
 * {@code serveConnection}), {@code Content-Type}, {@code Content-Length} and the final CRLF.
 *
 * <p>{@code ResponseEncoder}, {@code Worker} and the {@code RequestCtx} constructor are
 * package-private, so this class sits in package {@code dev.fasthttp} inside the benchmarks
 * module: a split package, which works because the benchmarks run on the class path (the shaded
 * jar, or surefire's class path), not as named modules.
 *
 * <pre>taskset -c 0 java -jar benchmarks/target/benchmarks.jar ResponseEncoderBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Thread)
public class ResponseEncoderBenchmark {

    private Worker worker;
    private RequestCtx keepAlive;
    private RequestCtx close;
    private final ByteBuf out = new ByteBuf(4096);

    @Setup(Level.Trial)
    public void setUp() {
        Server server = Server.builder().handler(ctx -> { }).build();
        worker = new Worker(server, null, new Counters());
        keepAlive = answeredGet(false);
        close = answeredGet(true);
        check(keepAlive, false);
        check(close, true);
    }

    /** A ctx as the handler leaves it: the GET parsed and bound, the response set. */
    private RequestCtx answeredGet(boolean connectionClose) {
        byte[] request = GET.clone();
        HeadScanner scanner = new HeadScanner();
        scanner.reset(0);
        int end = scanner.scan(request, request.length, worker.settings.maxRequestHeaderSize(),
                worker.settings.maxRequestUriLength());
        RequestCtx ctx = new RequestCtx(TrustedProxies.NONE);
        ctx.reset(null);
        ProtocolError error = worker.parser.parse(request, 0, end, ctx.request().head);
        if (error != null || !ctx.request().bind(true)) {
            throw new IllegalStateException("benchmark request refused: " + error);
        }
        ctx.success("text/plain", HELLO);
        if (connectionClose) {
            ctx.setConnectionClose();
        }
        return ctx;
    }

    private void check(RequestCtx ctx, boolean connectionClose) {
        String head = new String(out.array(), 0, encode(ctx), StandardCharsets.US_ASCII)
                .replaceFirst("Date: [^\r]*\r\n", "Date: -\r\n");
        String expected = "HTTP/1.1 200 OK\r\nServer: fasthttp\r\nDate: -\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 13\r\n" + (connectionClose ? "Connection: close\r\n" : "") + "\r\n";
        if (!head.equals(expected)) {
            throw new IllegalStateException("unexpected head:\n" + head);
        }
    }

    private int encode(RequestCtx ctx) {
        out.clear();
        ResponseEncoder.encodeHead(out, ctx, worker, ResponseEncoder.Framing.LENGTH);
        return out.size();
    }

    @Benchmark
    public int encodeHeadKeepAlive() {
        return encode(keepAlive);
    }

    @Benchmark
    public int encodeHeadConnectionClose() {
        return encode(close);
    }
}
