package dev.fasthttp.benchmarks.upload;

import dev.fasthttp.BodyDemand;
import dev.fasthttp.BodyReceiver;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * This project's server with {@code POST /upload} declared {@link Route#streaming()}: the handler
 * runs on a virtual thread once the head is read and reads the body from
 * {@link RequestCtx#requestBodyStream()} as it arrives, into one array, with the engine's default
 * stream buffer (64 KiB) and no size limit. The handler itself allocates nothing, so what an
 * upload allocates is the engine's. With {@code onEventLoop}, the route stays on the loop and a
 * {@link BodyReceiver} counts the pieces as they come, asking for each next one at once.
 */
final class FasthttpUploadServer implements UploadServer {

    /** Where the handler copies the body to, and forgets it. Shared: concurrent uploads may overwrite each other's bytes, which nobody reads. */
    private static final byte[] SCRATCH = new byte[64 * 1024];
    private static final byte[] DIGITS = "0123456789".getBytes();

    private final Server server;

    FasthttpUploadServer(boolean onEventLoop) {
        Route route = onEventLoop ? Route.post("/upload", FasthttpUploadServer::receive).streaming().onEventLoop()
                : Route.post("/upload", FasthttpUploadServer::upload).streaming();
        server = Server.builder().host("127.0.0.1").port(0).handler(Router.builder().route(route).build())
                .maxStreamedRequestBodySize(Long.MAX_VALUE).build().start();
    }

    /** Counts the body on the loop; the receiver is the one object a request costs the handler. */
    static void receive(RequestCtx ctx) throws Exception {
        ctx.receiveBody(new BodyReceiver() {
            private long total;

            @Override
            public void onData(RequestCtx c, ByteView piece, BodyDemand demand) {
                total += piece.length();
                demand.request();
            }

            @Override
            public void onEnd(RequestCtx c) {
                c.setContentType("text/plain");
                writeDecimal(c, total);
            }
        });
    }

    static void upload(RequestCtx ctx) throws IOException {
        InputStream body = ctx.requestBodyStream();
        long total = 0;
        for (int n; (n = body.read(SCRATCH)) > 0; ) {
            total += n;
        }
        ctx.setContentType("text/plain");
        writeDecimal(ctx, total);
    }

    /** {@code n} in decimal, a digit at a time: no String, no array. */
    private static void writeDecimal(RequestCtx ctx, long n) {
        long scale = 1;
        while (scale <= n / 10) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) {
            ctx.write(DIGITS, (int) (n / scale % 10), 1);
        }
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(5));
    }
}
