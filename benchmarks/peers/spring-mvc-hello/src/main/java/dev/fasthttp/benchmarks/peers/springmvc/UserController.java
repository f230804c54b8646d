package dev.fasthttp.benchmarks.peers.springmvc;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The typed route of the typed-route comparison ({@code benchmarks/load/run.sh --typed-route}):
 * a {@code long} from the path, a small record written as JSON by Boot's Jackson mapper,
 * {@code {"id":42,"name":"user 42"}} for {@code GET /users/42}. The same method as
 * {@code TypedRoutes#typedUser} in samples/hello-spring, here with {@code @GetMapping}.
 */
@RestController
class UserController {

    record User(long id, String name) {
    }

    @GetMapping("/users/{id}")
    User user(@PathVariable long id) {
        return new User(id, "user " + id);
    }
}
