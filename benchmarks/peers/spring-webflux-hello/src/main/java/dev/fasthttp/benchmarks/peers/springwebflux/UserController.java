package dev.fasthttp.benchmarks.peers.springwebflux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The typed route of the typed-route comparison ({@code benchmarks/load/run.sh --typed-route}):
 * a {@code long} from the path, a small record written as JSON by Boot's Jackson encoder,
 * {@code {"id":42,"name":"user 42"}} for {@code GET /users/42}. Returned as a {@code Mono<User>},
 * WebFlux's usual return type and the one this peer's {@code /plaintext} uses too.
 */
@RestController
class UserController {

    record User(long id, String name) {
    }

    @GetMapping("/users/{id}")
    Mono<User> user(@PathVariable long id) {
        return Mono.just(new User(id, "user " + id));
    }
}
