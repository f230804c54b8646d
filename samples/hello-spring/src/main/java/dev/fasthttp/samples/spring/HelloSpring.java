package dev.fasthttp.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot sample: the fasthttp starter serves the routes of {@link HelloRoutes}, and
 * Prometheus scrapes the server's metrics from {@code /metrics}. Port from {@code PORT} (8080).
 */
@SpringBootApplication
public class HelloSpring {

    public static void main(String[] args) {
        SpringApplication.run(HelloSpring.class, args);
    }
}
