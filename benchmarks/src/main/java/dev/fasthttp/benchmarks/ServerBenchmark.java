package dev.fasthttp.benchmarks;

import static dev.fasthttp.benchmarks.FasthttpRequests.DEFAULT_CLIENTS;
import static dev.fasthttp.benchmarks.FasthttpRequests.GET;
import static dev.fasthttp.benchmarks.FasthttpRequests.HELLO;
import static dev.fasthttp.benchmarks.FasthttpRequests.POST;
import static dev.fasthttp.benchmarks.FasthttpRequests.TEN_K_CLIENTS;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.Server;
import java.io.IOException;
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
 * Go fasthttp's server benchmarks ({@code BenchmarkServerGet*}, {@code BenchmarkServerPost*} in
 * {@code server_timing_test.go}, fasthttp 1.31), mirrored on the engine: the server reads
 * requests from in-memory connections, parses them, runs the handler, encodes the responses and
 * writes them to a connection that discards them. Nothing else is measured.
 *
 * <p>What is the same as in fasthttp:
 * <ul>
 * <li>The request bytes ({@link FasthttpRequests}: the 201-byte GET; the POST with its 13-byte
 *     body), the response ({@code success("text/plain", "Hello, world!")}, or the POST body echoed),
 *     and {@code Connection: close} on the response when a connection carries one request.</li>
 * <li>The connection ({@link FakeServerConnection}): each read fills the engine's whole read buffer
 *     (4 KiB, the default size in both) with back-to-back requests, the last one cut off and
 *     continued by the next read, so requests arrive pipelined; then end of stream. Writes are
 *     discarded.</li>
 * <li>The handler checks the method (and for POST, the body) and counts the request; a wrong
 *     request fails the benchmark, as {@code b.Fatalf} does. After every connection the benchmark
 *     also checks that it served exactly {@code requestsPerConn} requests, that it wrote exactly
 *     that many responses' worth of bytes, and that it read the connection to its end or closed
 *     it.</li>
 * <li>One operation is one request, single-threaded: compare with {@code GOMAXPROCS=1}.</li>
 * <li>Clients: {@code runtime.NumCPU()} fake connections normally (1 under
 *     {@code taskset -c 0}; {@link Runtime#availableProcessors()} here, which also honours the
 *     affinity mask), 10,000 for the {@code 10KClients} variants, each a distinct object reused
 *     connection after connection ({@link FakeListener}).</li>
 * </ul>
 *
 * <p>What differs, and how it bears on the comparison:
 * <ul>
 * <li><b>Interleaving of clients.</b> fasthttp's {@code Server.Serve} accepts a connection from the
 *     fake listener and hands it to a worker goroutine. At {@code GOMAXPROCS=1} the hand-off
 *     channel is unbuffered ({@code workerChanCap} is 0), so the accept loop waits while the worker
 *     takes the connection, and the worker then serves it to its end without blocking (the fake
 *     connection never makes it wait) before the accept loop runs again: connections are served one
 *     after another, by the same few worker goroutines, cycling through the listener's pool of
 *     clients in FIFO order. The exception is Go's preemption of a goroutine that has run for
 *     10 ms: then the accept loop runs and starts the next connection, so two (rarely more)
 *     connections are interleaved for a while; only connections that last that long (the
 *     {@code 10KReqPerConn} ones, ~10,000 requests) can be preempted. With {@code GOMAXPROCS>1}
 *     connections run in parallel and up to {@code clientsCount} of them can be open at once, each
 *     with its own goroutine, buffers and request context; that case is not mirrored here.
 *     {@link Server#serveConnection} serves one connection on the calling thread from start to end,
 *     so here the clients are a ring of that many distinct connection objects served strictly one
 *     after another, never interleaved: the engine has one connection open at a time and reuses one
 *     pooled connection, one read buffer and one request context throughout. In both, the
 *     {@code 10KClients} variants therefore measure per-connection setup and teardown cycled over
 *     10,000 client objects, not 10,000 concurrent connections.</li>
 * <li><b>No accept loop, no worker hand-off.</b> fasthttp's figure includes, per connection,
 *     {@code Serve}'s accept loop, the fake listener's mutex and channel receive, the hand-off to a
 *     worker goroutine (an unbuffered channel send and two goroutine switches) and the channel send
 *     in {@code Close}; here a connection costs the ring's next slot and
 *     {@code serveConnection}.</li>
 * <li><b>Counting.</b> fasthttp's handler registers every request with a send on a buffered
 *     channel ({@code registerServedRequest}), a cost of the Go harness inside its ns/op; here the
 *     handler increments a field.</li>
 * <li><b>Request count per connection.</b> fasthttp hands out {@code b.N} requests in total, so
 *     its last connection may carry fewer than {@code requestsPerConn}; here every connection
 *     carries exactly {@code requestsPerConn} (the operation count of one invocation).</li>
 * <li><b>Clock.</b> fasthttp's Date header comes from a value a background goroutine refreshes;
 *     a connection served by {@code serveConnection} has no event loop clock, so the engine reads
 *     {@code System.currentTimeMillis()} once per response.</li>
 * </ul>
 *
 * <pre>taskset -c 0 java -jar benchmarks/target/benchmarks.jar 'ServerBenchmark' -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ServerBenchmark {

    /** One of fasthttp's variants: a server, its handler, and the fake listener its clients come from. */
    public abstract static class Variant {

        final boolean post;
        final int requestsPerConn;
        final int clients;
        Server server;
        FakeListener listener;
        Handler handler;
        long bytesPerConnection;

        Variant(boolean post, int clients, int requestsPerConn) {
            this.post = post;
            this.clients = clients;
            this.requestsPerConn = requestsPerConn;
        }

        @Setup(Level.Trial)
        public void setUp() {
            handler = new Handler(post, requestsPerConn == 1);
            server = Server.builder().handler(handler).build();
            listener = new FakeListener(post ? POST : GET, clients, requestsPerConn);
            bytesPerConnection = (long) requestsPerConn * expectedResponseLength(requestsPerConn == 1);
        }

        /** Serves the next client's connection to its end; one invocation is {@code requestsPerConn} operations. */
        public long serveConnection() throws IOException {
            FakeServerConnection c = listener.accept();
            long before = handler.served;
            server.serveConnection(c);
            if (handler.failure != null || handler.served - before != requestsPerConn
                    || c.bytesWritten() != bytesPerConnection || c.requestsLeft() != 0
                    || !c.closed() || (requestsPerConn > 1 && !c.endOfStreamRead())) {
                throw new IllegalStateException(mismatch(c, handler.served - before));
            }
            return c.bytesWritten();
        }

        private String mismatch(FakeServerConnection c, long served) {
            return (handler.failure != null ? handler.failure + "; " : "")
                    + "connection served " + served + " requests (expected " + requestsPerConn + "), wrote "
                    + c.bytesWritten() + " bytes (expected " + bytesPerConnection + "), requests left unsent "
                    + c.requestsLeft() + ", closed " + c.closed() + ", end of stream read " + c.endOfStreamRead();
        }

        public long served() {
            return handler.served;
        }

        public FakeListener listener() {
            return listener;
        }

        public Server server() {
            return server;
        }
    }

    /**
     * The handlers of {@code benchmarkServerGet} and {@code benchmarkServerPost}. A failure is
     * recorded and thrown by the benchmark: an exception thrown here would only become a 500.
     */
    static final class Handler implements RequestHandler {

        private final boolean post;
        private final boolean close;
        long served;
        String failure;

        Handler(boolean post, boolean close) {
            this.post = post;
            this.close = close;
        }

        @Override
        public void handle(RequestCtx ctx) {
            if (post) {
                if (!ctx.isPost()) {
                    fail("Unexpected request method: " + ctx.method());
                    return;
                }
                if (!ctx.body().contentEquals(HELLO)) {
                    fail("Unexpected body \"" + ctx.body() + "\". Expected \"Hello, world!\"");
                    return;
                }
                ctx.setContentType("text/plain").write(ctx.body());
            } else {
                if (!ctx.isGet()) {
                    fail("Unexpected request method: " + ctx.method());
                    return;
                }
                ctx.success("text/plain", HELLO);
            }
            if (close) {
                ctx.setConnectionClose();
            }
            served++;
        }

        private void fail(String message) {
            if (failure == null) {
                failure = message;
            }
        }
    }

    /** The engine's response to every request here, with {@code Date} as in any second. */
    static String expectedResponse(boolean close) {
        return "HTTP/1.1 200 OK\r\n"
                + "Server: fasthttp\r\n"
                + "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 13\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n"
                + "Hello, world!";
    }

    static int expectedResponseLength(boolean close) {
        return expectedResponse(close).length(); // IMF-fixdate has a fixed length
    }

    // ---- the variants, named as in server_timing_test.go ---------------------------------------

    @State(Scope.Thread) public static class Get1ReqPerConn extends Variant {
        public Get1ReqPerConn() { super(false, DEFAULT_CLIENTS, 1); }
    }
    @State(Scope.Thread) public static class Get2ReqPerConn extends Variant {
        public Get2ReqPerConn() { super(false, DEFAULT_CLIENTS, 2); }
    }
    @State(Scope.Thread) public static class Get10ReqPerConn extends Variant {
        public Get10ReqPerConn() { super(false, DEFAULT_CLIENTS, 10); }
    }
    @State(Scope.Thread) public static class Get10KReqPerConn extends Variant {
        public Get10KReqPerConn() { super(false, DEFAULT_CLIENTS, 10_000); }
    }
    @State(Scope.Thread) public static class Get1ReqPerConn10KClients extends Variant {
        public Get1ReqPerConn10KClients() { super(false, TEN_K_CLIENTS, 1); }
    }
    @State(Scope.Thread) public static class Get2ReqPerConn10KClients extends Variant {
        public Get2ReqPerConn10KClients() { super(false, TEN_K_CLIENTS, 2); }
    }
    @State(Scope.Thread) public static class Get10ReqPerConn10KClients extends Variant {
        public Get10ReqPerConn10KClients() { super(false, TEN_K_CLIENTS, 10); }
    }
    @State(Scope.Thread) public static class Get100ReqPerConn10KClients extends Variant {
        public Get100ReqPerConn10KClients() { super(false, TEN_K_CLIENTS, 100); }
    }
    @State(Scope.Thread) public static class Post1ReqPerConn extends Variant {
        public Post1ReqPerConn() { super(true, DEFAULT_CLIENTS, 1); }
    }
    @State(Scope.Thread) public static class Post2ReqPerConn extends Variant {
        public Post2ReqPerConn() { super(true, DEFAULT_CLIENTS, 2); }
    }
    @State(Scope.Thread) public static class Post10ReqPerConn extends Variant {
        public Post10ReqPerConn() { super(true, DEFAULT_CLIENTS, 10); }
    }
    @State(Scope.Thread) public static class Post10KReqPerConn extends Variant {
        public Post10KReqPerConn() { super(true, DEFAULT_CLIENTS, 10_000); }
    }

    @Benchmark
    public long serverGet1ReqPerConn(Get1ReqPerConn v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public long serverGet2ReqPerConn(Get2ReqPerConn v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public long serverGet10ReqPerConn(Get10ReqPerConn v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public long serverGet10KReqPerConn(Get10KReqPerConn v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    public long serverGet1ReqPerConn10KClients(Get1ReqPerConn10KClients v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public long serverGet2ReqPerConn10KClients(Get2ReqPerConn10KClients v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public long serverGet10ReqPerConn10KClients(Get10ReqPerConn10KClients v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public long serverGet100ReqPerConn10KClients(Get100ReqPerConn10KClients v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    public long serverPost1ReqPerConn(Post1ReqPerConn v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public long serverPost2ReqPerConn(Post2ReqPerConn v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public long serverPost10ReqPerConn(Post10ReqPerConn v) throws IOException {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public long serverPost10KReqPerConn(Post10KReqPerConn v) throws IOException {
        return v.serveConnection();
    }
}
