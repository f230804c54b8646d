package dev.fasthttp.samples.hello;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.Server;
import dev.fasthttp.bytes.ByteView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The plain-Java sample: three routes, no framework.
 *
 * <pre>
 *   GET  /plaintext  Hello, World!                  text/plain
 *   GET  /json       {"message":"Hello, World!"}    application/json
 *   POST /echo       the request body, with the request's Content-Type
 * </pre>
 *
 * Listens on the port in the {@code PORT} environment variable (default 8080).
 */
public final class HelloCore {

    private static final byte[] PLAINTEXT = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.US_ASCII);

    private HelloCore() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Server server = Server.builder()
                .handler(HelloCore::handle)
                .port(port)
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.shutdown(Duration.ofSeconds(10))));
        server.awaitShutdown();
    }

    /** Routes by path; allocates nothing for /plaintext and /json. */
    static void handle(RequestCtx ctx) {
        ByteView path = ctx.path();
        if (path.contentEquals("/plaintext")) {
            if (allow(ctx, "GET, HEAD")) {
                ctx.success("text/plain", PLAINTEXT);
            }
        } else if (path.contentEquals("/json")) {
            if (allow(ctx, "GET, HEAD")) {
                ctx.success("application/json", JSON);
            }
        } else if (path.contentEquals("/echo")) {
            if (allow(ctx, "POST")) {
                ByteView type = ctx.headers().contentType();
                if (type != null) {
                    ctx.response().headers().set("Content-Type", type);
                } else {
                    ctx.setContentType("application/octet-stream");
                }
                ctx.response().setBody(ctx.body());
            }
        } else {
            ctx.notFound();
        }
    }

    private static boolean allow(RequestCtx ctx, String methods) {
        boolean allowed = methods.equals("POST") ? ctx.isPost() : ctx.isGet() || ctx.isHead();
        if (!allowed) {
            ctx.error("Method Not Allowed", 405);
            ctx.response().headers().set("Allow", methods);
        }
        return allowed;
    }
}
