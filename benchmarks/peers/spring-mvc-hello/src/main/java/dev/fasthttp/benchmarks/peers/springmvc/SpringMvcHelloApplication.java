package dev.fasthttp.benchmarks.peers.springmvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Boot Web MVC on its default server, Tomcat, answering {@code GET /plaintext} with
 * {@code Hello, World!}, and {@code GET /users/{id}} with a small record as JSON: a peer for load
 * comparisons, with Boot's defaults.
 *
 * <pre>PORT=8084 java -jar benchmarks/peers/spring-mvc-hello/target/spring-mvc-hello.jar</pre>
 */
@SpringBootApplication
public class SpringMvcHelloApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringMvcHelloApplication.class, args);
    }
}
