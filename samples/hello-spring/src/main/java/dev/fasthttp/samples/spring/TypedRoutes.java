package dev.fasthttp.samples.spring;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.spring.boot.FastHttpRoute;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One route written both ways, for comparison: typed ({@code @PathVariable long id} returning a
 * record as JSON) and with the raw {@code RequestCtx}, answering the same bytes; and typed routes
 * whose arguments and results need no object at all.
 */
@Component
public class TypedRoutes {

    private static final byte[] EVEN = {'e', 'v', 'e', 'n'};
    private static final byte[] ODD = {'o', 'd', 'd'};

    /** A small record, written as JSON by the application's mapper. */
    public record User(long id, String name) {
    }

    @FastHttpRoute("/typed/users/{id}")
    public User typedUser(@PathVariable long id) {
        return new User(id, "user " + id);
    }

    /** A small record in and out as JSON. */
    @FastHttpRoute(value = "/typed/users", method = "POST")
    public User echoUser(@RequestBody User user) {
        return user;
    }

    /** The same answer as {@link #typedUser}, formatted by hand. */
    @FastHttpRoute("/raw/users/{id}")
    public void rawUser(RequestCtx ctx) {
        ByteView id = ctx.pathParam("id");
        ctx.setContentType("application/json");
        ctx.write("{\"id\":").write(id).write(",\"name\":\"user ").write(id).write("\"}");
    }

    /** Typed arguments that allocate nothing: a long parsed from the path, an int from the query. */
    @FastHttpRoute("/typed/parity/{id}")
    public void parity(@PathVariable long id, @RequestParam(defaultValue = "0") int plus, RequestCtx ctx) {
        ctx.success("text/plain", (id + plus) % 2 == 0 ? EVEN : ODD);
    }

    /** A view of the path returned as the body: no copy until it is written. */
    @FastHttpRoute("/typed/echo/{word}")
    public ByteView echo(@PathVariable ByteView word) {
        return word;
    }
}
