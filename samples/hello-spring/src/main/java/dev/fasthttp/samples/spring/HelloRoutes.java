package dev.fasthttp.samples.spring;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.spring.boot.FastHttpRoute;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The same routes as the plain-Java sample, declared on a Spring bean; plus a path parameter. */
@Component
public class HelloRoutes {

    private static final byte[] PLAINTEXT = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.US_ASCII);

    @FastHttpRoute("/plaintext")
    public void plaintext(RequestCtx ctx) {
        ctx.success("text/plain", PLAINTEXT);
    }

    @FastHttpRoute("/json")
    public void json(RequestCtx ctx) {
        ctx.success("application/json", JSON);
    }

    @FastHttpRoute(value = "/echo", method = "POST")
    public void echo(RequestCtx ctx) {
        ByteView type = ctx.headers().contentType();
        if (type != null) {
            ctx.response().headers().set("Content-Type", type);
        } else {
            ctx.setContentType("application/octet-stream");
        }
        ctx.response().setBody(ctx.body());
    }

    /** {@code id} is read as a view of the request path: no String unless the handler makes one. */
    @FastHttpRoute("/users/{id}")
    public void user(RequestCtx ctx) {
        ctx.setContentType("text/plain");
        ctx.write("user ").write(ctx.pathParam("id"));
    }
}
