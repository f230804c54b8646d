package dev.fasthttp.samples.showcase;

import dev.fasthttp.Args;
import dev.fasthttp.FormFile;
import dev.fasthttp.MultipartForm;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestTrailers;
import dev.fasthttp.Server;
import dev.fasthttp.TimeoutHandler;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One engine feature per route, for trying them and for tests from outside the project. Its
 * flags and routes are a contract: they are only ever added to.
 *
 * <pre>
 *   java -jar showcase.jar [--port P] [--max-body BYTES] [--timeout-ms MS]
 *
 *   GET /plaintext         Hello, World!
 *   GET /download?bytes=N  N bytes, byte i being i % 251, streamed with Content-Length
 *   POST /upload           the body read as it arrives, never whole, any size: {"bytes":N,"sha256":"hex"}
 *   GET /slow?ms=N         sleeps N ms on a virtual thread: "slept N", or 503 past --timeout-ms (TimeoutHandler)
 *   POST /trailers         the body echoed as a chunked response, the request's trailers sent back as trailers
 *   POST /form             a multipart/form-data or urlencoded form, echoed as JSON:
 *                          {"fields":{"name":"value",...},"files":[{"field":"f","filename":"a.bin",
 *                           "contentType":"application/octet-stream","bytes":N,"sha256":"hex"}]}
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
    /** The longest /slow sleeps: an hour. */
    static final long MAX_SLEEP_MS = 3_600_000;

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
                .post("/form", Showcase::form)
                .route(Route.post("/upload", Showcase::upload).streaming())
                .post("/trailers", Showcase::trailers)
                .get("/slow", TimeoutHandler.wrap(Showcase::slow, Duration.ofMillis(options.timeoutMillis()),
                        "the handler ran past " + options.timeoutMillis() + " ms"))
                .build();
        Server.Builder builder = Server.builder().handler(router).port(options.port()).maxRequestBodySize(options.maxBody())
                .maxStreamedRequestBodySize(Long.MAX_VALUE);
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

    /**
     * Hashes the body as it arrives: memory stays one read buffer, and there is no size limit
     * (the streamed limit is lifted). A body cut short or malformed mid-way gets the status the
     * engine's {@code RequestBodyException} carries.
     */
    static void upload(RequestCtx ctx) throws IOException {
        MessageDigest digest = sha256();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        InputStream body = ctx.requestBodyStream();
        for (int n; (n = body.read(chunk)) > 0; total += n) {
            digest.update(chunk, 0, n);
        }
        ctx.success("application/json", "{\"bytes\":" + total + ",\"sha256\":\"" + HexFormat.of().formatHex(digest.digest()) + "\"}");
    }

    /**
     * Sleeps {@code ms} milliseconds (0 to an hour) on its virtual thread. Past the server's
     * {@code --timeout-ms} the TimeoutHandler answers 503 instead, interrupts the sleep, and the
     * late handler's ctx is never written nor reused until it returns.
     */
    static void slow(RequestCtx ctx) {
        ByteView ms = ctx.queryArgs().peek("ms");
        long millis = ms == null ? -1 : ms.parseLong();
        if (millis < 0 || millis > MAX_SLEEP_MS) {
            ctx.error("ms must be a number from 0 to " + MAX_SLEEP_MS, 400);
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // timed out: the TimeoutHandler has answered
        }
        ctx.success("text/plain", "slept " + millis);
    }

    /**
     * Echoes the body (buffered, up to {@code --max-body}) in chunks, and each trailer field of the
     * request as a trailer field of the response, announced in its {@code Trailer} field. A
     * request trailer the engine forbids (Content-Length, Host, Authorization, ...) never gets
     * here: the client gets 400.
     */
    static void trailers(RequestCtx ctx) {
        byte[] body = ctx.body().toBytes(); // the writer runs after the handler returns
        RequestTrailers received = ctx.request().trailers();
        for (int i = 0; i < received.size(); i++) {
            ctx.response().trailers().add(received.name(i).toString(), received.value(i).toString());
        }
        ByteView type = ctx.headers().contentType();
        ctx.setContentType(type != null ? type.toString() : "application/octet-stream");
        ctx.setBodyStreamWriter(out -> out.write(body));
    }

    /**
     * Echoes a form as JSON, fields in the order received (a repeated name repeats its key) and
     * files with their size and SHA-256. The body is read in place: values and file contents are
     * views of it, hashed where they lie. A request that is neither multipart/form-data nor
     * urlencoded gets 415, a malformed form 400, one of too many parts 413: the engine answers
     * the {@code RequestRejectedException} {@code multipartForm()} throws.
     */
    static void form(RequestCtx ctx) {
        StringBuilder json = new StringBuilder(256).append("{\"fields\":{");
        ByteView type = ctx.headers().contentType();
        if (type != null && type.startsWithIgnoreCase("application/x-www-form-urlencoded")) {
            Args args = ctx.postArgs();
            for (int i = 0; i < args.size(); i++) {
                field(json, i, args.key(i), args.value(i));
            }
            json.append("},\"files\":[");
        } else {
            MultipartForm form = ctx.multipartForm();
            for (int i = 0; i < form.fieldCount(); i++) {
                field(json, i, form.fieldName(i), form.fieldValue(i));
            }
            json.append("},\"files\":[");
            for (int i = 0; i < form.fileCount(); i++) {
                FormFile file = form.file(i);
                json.append(i == 0 ? "{" : ",{").append("\"field\":");
                Json.string(json, file.fieldName()).append(",\"filename\":");
                Json.string(json, file.filename()).append(",\"contentType\":");
                Json.string(json, file.contentType()).append(",\"bytes\":").append(file.size())
                        .append(",\"sha256\":\"").append(sha256(file.content())).append("\"}");
            }
        }
        ctx.success("application/json", json.append("]}"));
    }

    private static void field(StringBuilder json, int i, ByteView name, ByteView value) {
        Json.string(json.append(i == 0 ? "" : ","), name.toString()).append(':');
        Json.string(json, value.toString());
    }

    private static String sha256(ByteView bytes) {
        MessageDigest digest = sha256();
        digest.update(bytes.array(), bytes.offset(), bytes.length());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
