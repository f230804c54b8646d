package dev.fasthttp.benchmarks;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.Server;
import dev.fasthttp.routing.Router;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The router's cost: fasthttp's benchmark GET (its headers, a different path) served 10,000 to a
 * connection as in {@code ServerBenchmark.serverGet10KReqPerConn}, through a {@link Router} of
 * a REST API's 30 routes, against the same requests answered by one handler with no router
 * ({@code path=none}). The difference is the lookup, path parameters included.
 *
 * <pre>taskset -c 0 java -jar benchmarks/target/benchmarks.jar RouterBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Thread)
public class RouterBenchmark {

    private static final int REQUESTS_PER_CONN = 10_000;

    /** Which request: the path it asks for, and the route it matches. */
    @Param({"none", "static", "param", "catchAll", "notFound"})
    public String path;

    private static final String[] API = {
        "/", "/users", "/users/{id}", "/users/{id}/repos", "/users/{id}/followers", "/users/{id}/following",
        "/user", "/user/repos", "/user/emails", "/user/keys", "/user/keys/{id}",
        "/repos/{owner}/{repo}", "/repos/{owner}/{repo}/issues", "/repos/{owner}/{repo}/issues/{number}",
        "/repos/{owner}/{repo}/issues/{number}/comments", "/repos/{owner}/{repo}/pulls",
        "/repos/{owner}/{repo}/pulls/{number}", "/repos/{owner}/{repo}/pulls/{number}/files",
        "/repos/{owner}/{repo}/commits", "/repos/{owner}/{repo}/commits/{sha}", "/repos/{owner}/{repo}/branches",
        "/repos/{owner}/{repo}/contents/{*path}", "/orgs/{org}", "/orgs/{org}/repos", "/orgs/{org}/members",
        "/gists", "/gists/{id}", "/search/repositories", "/search/code", "/static/{*file}",
    };

    private Server server;
    private FakeServerConnection connection;
    private Counting handler;

    /** Answers as fasthttp's benchmark handler does, counting what it served. */
    static final class Counting implements RequestHandler {
        long served;

        @Override
        public void handle(RequestCtx ctx) {
            ctx.success("text/plain", FasthttpRequests.HELLO);
            served++;
        }
    }

    @Setup
    public void setUp() {
        handler = new Counting();
        String target = switch (path) {
            case "none", "param" -> "/repos/valyala/fasthttp/issues/1234";
            case "static" -> "/user/repos";
            case "catchAll" -> "/static/css/site/main.css";
            case "notFound" -> "/repos/valyala/fasthttp/wiki";
            default -> throw new IllegalArgumentException(path);
        };
        RequestHandler served = handler;
        if (!path.equals("none")) {
            Router.Builder router = Router.builder().notFound(ctx -> {
                ctx.notFound();
                handler.served++;
            });
            for (String template : API) {
                router.get(template, handler);
            }
            served = router.build();
        }
        server = Server.builder().handler(served).build();
        connection = new FakeServerConnection(FasthttpRequests.ascii(new String(FasthttpRequests.GET,
                java.nio.charset.StandardCharsets.US_ASCII).replace("/foobar?baz", target + "?baz")));
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS_PER_CONN)
    public long serveConnection() throws IOException {
        long before = handler.served;
        server.serveConnection(connection.accept(REQUESTS_PER_CONN));
        if (handler.served - before != REQUESTS_PER_CONN) {
            throw new IllegalStateException("served " + (handler.served - before) + " of " + REQUESTS_PER_CONN);
        }
        return connection.bytesWritten();
    }
}
