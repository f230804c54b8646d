package dev.fasthttp.benchmarks;

import dev.fasthttp.RequestHandler;
import dev.fasthttp.Server;
import java.time.Duration;

/**
 * fasthttp's {@code fasthttpEchoHandler} on a loopback port the OS picks: every request is
 * answered 200 with its request URI as a {@code text/plain} body. The server of the end-to-end
 * client benchmarks, whichever client calls it.
 */
final class EchoServer implements AutoCloseable {

    /** The request URI of fasthttp's client benchmarks. */
    static final String REQUEST_URI = "/foo/bar?baz=123";

    /** {@code ctx.Success("text/plain", ctx.RequestURI())}. */
    static final RequestHandler HANDLER = ctx -> ctx.setContentType("text/plain").write(ctx.requestUri());

    private final Server server = Server.builder().host("127.0.0.1").port(0).handler(HANDLER).build().start();

    /** The absolute URL the benchmarks GET. */
    String url() {
        return "http://127.0.0.1:" + server.port() + REQUEST_URI;
    }

    /** Fails the benchmark on anything but the echo: a fast wrong answer must not count. */
    static void check(int status, boolean bodyIsEcho) {
        if (status != 200 || !bodyIsEcho) {
            throw new IllegalStateException("unexpected response: status " + status + ", body is the echo: " + bodyIsEcho);
        }
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(5));
    }
}
