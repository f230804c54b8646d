package dev.fasthttp.benchmarks.peers.springwebflux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class HelloController {

    @GetMapping(value = "/plaintext", produces = "text/plain")
    Mono<String> plaintext() {
        return Mono.just("Hello, World!");
    }
}
