package dev.fasthttp.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.spring.boot.LocalFastHttpPort;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What observing requests (on by default, as in Boot's servers) costs the event loop per request.
 * With a handler registered (Boot's metrics handler here), Micrometer's observation allocates
 * per request: the observation, its context, the timer sample, the key-value sets the convention
 * builds; the figure is printed and bounded. With no handler it costs nothing.
 */
class ObservedAllocationTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
            properties = {"fasthttp.server.port=0", "fasthttp.server.address=127.0.0.1", "fasthttp.server.event-loops=1"})
    class WithMetricsObservingRequests {

        @LocalFastHttpPort
        int port;

        @Test
        void anObservedRequestAllocatesABoundedAmount() throws Exception {
            EventLoopAllocations.Result result = EventLoopAllocations.perRequest(port, "/users/42");
            System.out.printf("Spring-configured server, observations with the metrics handler: %.1f B/request%n",
                    result.bytesPerRequest());
            assertThat(result.response()).startsWith("HTTP/1.1 200").endsWith("user 42");
            assertThat(result.bytesPerRequest()).isBetween(1.0, 4096.0);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
            properties = {"fasthttp.server.port=0", "fasthttp.server.address=127.0.0.1", "fasthttp.server.event-loops=1"})
    class WithNoObservationHandler {

        @LocalFastHttpPort
        int port;

        @Test
        void requestsAllocateNothing() throws Exception {
            EventLoopAllocations.Result result = EventLoopAllocations.perRequest(port, "/users/42");
            System.out.printf("Spring-configured server, observations with no handler: %.4f B/request%n", result.bytesPerRequest());
            assertThat(result.response()).startsWith("HTTP/1.1 200").endsWith("user 42");
            assertThat(result.bytesPerRequest()).isLessThan(1.0);
        }

        @TestConfiguration
        static class NoHandlers {

            @Bean
            ObservationRegistry observationRegistry() {
                return ObservationRegistry.NOOP;
            }
        }
    }
}
