package dev.fasthttp.samples.showcase;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.Server;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.routing.Router;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One engine feature per route, for trying them and for tests from outside the project. Its
 * flags and routes are a contract: they are only ever added to.
 *
 * <pre>
 *   java -jar showcase.jar [--port P] [--max-body BYTES] [--timeout-ms MS]
 *
 *   GET /plaintext         Hello, World!
 *   GET /download?bytes=N  N bytes, byte i being i % 251, streamed with Content-Length
 * </pre>
 *
 * {@code --port} defaults to the {@code PORT} environment variable, else 8080 (0: any free port,
 * printed); {@code --max-body} (default 4 MiB) bounds buffered request bodies; {@code --timeout-ms}
 * (default 1000) is the timeout of the routes that have one.
 */
public final class Showcase {

    private static final byte[] PLAINTEXT = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    /** Downloads up to 2^40 bytes: a terabyte, more than any test sends, less than overflows anything. */
    static final long MAX_DOWNLOAD = 1L << 40;

    private Showcase() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args, System.getenv("PORT"));
        Server server = server(options).start();
        System.out.println("showcase listening on port " + server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.shutdown(Duration.ofSeconds(10))));
        server.awaitShutdown();
    }

    static Server server(Options options) {
        Router router = Router.builder()
                .get("/plaintext", ctx -> ctx.success("text/plain", PLAINTEXT))
                .get("/download", Showcase::download)
                .build();
        Server.Builder builder = Server.builder().handler(router).port(options.port()).maxRequestBodySize(options.maxBody());
        if (options.host() != null) {
            builder.host(options.host());
        }
        return builder.build();
    }

    /** Streams the pattern without holding it: memory stays one write buffer, whatever N is. */
    static void download(RequestCtx ctx) {
        ByteView bytes = ctx.queryArgs().peek("bytes");
        long size = bytes == null ? -1 : bytes.parseLong();
        if (size < 0 || size > MAX_DOWNLOAD) {
            ctx.error("bytes must be a number from 0 to " + MAX_DOWNLOAD, 400);
            return;
        }
        ctx.setContentType("application/octet-stream");
        ctx.setBodyStream(new PatternStream(size), size);
    }
}
