package dev.fasthttp.benchmarks.peers.springwebflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Boot WebFlux on its default server, Reactor Netty, answering {@code GET /plaintext} with
 * {@code Hello, World!}, and {@code GET /users/{id}} with a small record as JSON: a peer for load
 * comparisons, with Boot's defaults.
 *
 * <pre>PORT=8085 java -jar benchmarks/peers/spring-webflux-hello/target/spring-webflux-hello.jar</pre>
 */
@SpringBootApplication
public class SpringWebFluxHelloApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringWebFluxHelloApplication.class, args);
    }
}
