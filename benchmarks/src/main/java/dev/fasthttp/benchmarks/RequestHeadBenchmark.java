package dev.fasthttp.benchmarks;

import static dev.fasthttp.benchmarks.FasthttpRequests.GET;
import static dev.fasthttp.benchmarks.FasthttpRequests.POST;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.http1.HeadScanner;
import dev.fasthttp.internal.http1.RequestHead;
import dev.fasthttp.internal.http1.RequestParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request head path of the engine alone: {@link HeadScanner#scan} finds the end of the head
 * and checks line terminators, then {@link RequestParser#parse} parses it in place into a reused
 * {@link RequestHead}, over fasthttp's benchmark requests (the 201-byte GET; the POST's 246-byte
 * head, its body left alone), with the engine's default limits. What the server does per request
 * on top of this (binding views, the handler, encoding, I/O) is in {@link ServerBenchmark}.
 *
 * <pre>taskset -c 0 java -jar benchmarks/target/benchmarks.jar RequestHeadBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Thread)
public class RequestHeadBenchmark {

    /** The engine's defaults: {@code maxRequestHeaderSize} and {@code maxRequestUriLength}. */
    static final int MAX_HEADER_SIZE = 16 * 1024;
    static final int MAX_URI_LENGTH = 8 * 1024;

    private final byte[] get = GET.clone();
    private final byte[] post = POST.clone();
    private final HeadScanner scanner = new HeadScanner();
    private final RequestParser parser = new RequestParser(MAX_URI_LENGTH);
    private final RequestHead head = new RequestHead();

    @Benchmark
    public int scanAndParseGet() {
        return scanAndParse(get);
    }

    @Benchmark
    public int scanAndParsePost() {
        return scanAndParse(post);
    }

    int scanAndParse(byte[] request) {
        scanner.reset(0);
        int end = scanner.scan(request, request.length, MAX_HEADER_SIZE, MAX_URI_LENGTH);
        if (end < 0) {
            throw new IllegalStateException("head not found: " + (end == HeadScanner.ERROR ? scanner.error() : "incomplete"));
        }
        ProtocolError error = parser.parse(request, scanner.requestStart(), end, head);
        if (error != null) {
            throw new IllegalStateException("head refused: " + error);
        }
        return head.end() + head.headerCount();
    }

    RequestHead head() {
        return head;
    }
}
