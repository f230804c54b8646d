package dev.fasthttp.benchmarks.peers.springmvc;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HelloController {

    @GetMapping(value = "/plaintext", produces = "text/plain")
    String plaintext() {
        return "Hello, World!";
    }
}
