package dev.fasthttp.benchmarks.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed-route comparison ({@code run.sh --typed-route}): one route, {@code GET .../users/42}
 * answering the record {@code User(long id, String name)} as {@code {"id":42,"name":"user 42"}},
 * written four ways. The starter's typed route ({@code @PathVariable long id} returning the record,
 * written by Jackson) and the same answer written by hand with {@code RequestCtx}, both served by
 * samples/hello-spring; and the same controller on Spring MVC (Tomcat) and WebFlux (Reactor Netty),
 * the peers of the load comparison. Then the typed route again with the sample's default
 * observations on, for what they add. Last, the floor: a JDK loop that sends the same answer's bytes
 * for every request and does nothing else, for the part of a JDK server's CPU per request that is
 * the kernel's and the JDK selector's, which no handler or engine code removes.
 */
final class TypedRoute {

    static final String TYPED = "fasthttp-spring-typed";
    static final String RAW = "fasthttp-spring-raw";
    static final String WEBFLUX = "spring-webflux";
    static final String TYPED_OBSERVED = "fasthttp-spring-typed-observed";
    static final String FLOOR = "floor";

    /** The body every contender must answer, byte for byte, before it is measured. */
    static final String EXPECTED_BODY = "{\"id\":42,\"name\":\"user 42\"}";

    /** Keep-alive as in most deployments, and pipelined, where the kernel's share per request is small and user-space cost shows. */
    static final List<Scenario> SCENARIOS = List.of(Scenario.KEEPALIVE_50, Scenario.PIPELINED_16);

    /**
     * One way of serving the route: a server of {@link ServerSpec#catalogue}, the path it serves it on,
     * and application arguments it is started with.
     */
    record Contender(String name, String label, String server, String path, List<String> arguments) {
    }

    /**
     * The peers have no {@code ObservationRegistry} (no Actuator, no Boot metrics), so their requests
     * are not observed; samples/hello-spring has Boot's metrics, whose observation of every request the
     * starter makes by default. The starter's contenders run with observations off, like the peers;
     * the last contender shows the typed route with them on, as the sample ships.
     */
    static final String OBSERVATIONS_OFF = "--fasthttp.server.observations.enabled=false";

    private TypedRoute() {
    }

    /** All contenders, in report order. */
    static Map<String, Contender> contenders() {
        Map<String, Contender> all = new LinkedHashMap<>();
        add(all, new Contender(TYPED, "fasthttp starter, typed: `User typedUser(@PathVariable long id)`", "fasthttp-spring",
                "/typed/users/42", List.of(OBSERVATIONS_OFF)));
        add(all, new Contender(RAW, "fasthttp starter, raw: `void rawUser(RequestCtx ctx)`", "fasthttp-spring",
                "/raw/users/42", List.of(OBSERVATIONS_OFF)));
        add(all, new Contender("spring-mvc", "Spring MVC on Tomcat: `User user(@PathVariable long id)`", "spring-mvc",
                "/users/42", List.of()));
        add(all, new Contender(WEBFLUX, "WebFlux on Reactor Netty: `Mono<User> user(@PathVariable long id)`", "spring-webflux",
                "/users/42", List.of()));
        add(all, new Contender(TYPED_OBSERVED, "fasthttp starter, typed, with the sample's observations on (Boot metrics)",
                "fasthttp-spring", "/typed/users/42", List.of()));
        add(all, new Contender(FLOOR, "floor: a JDK NIO loop sending the answer's bytes for every request, nothing parsed but "
                + "each request's end (`FloorServer`)", "floor", "/users/42", List.of()));
        return all;
    }

    /** The servers the contenders run on: the load comparison's, and the floor. */
    static Map<String, ServerSpec> servers(Path repo, String java) {
        Map<String, ServerSpec> servers = new LinkedHashMap<>(ServerSpec.catalogue(repo, java));
        servers.put(FLOOR, ServerSpec.floor(repo, java));
        return servers;
    }

    private static void add(Map<String, Contender> all, Contender contender) {
        all.put(contender.name(), contender);
    }

    /** Why {@code response} is not the answer expected of every contender, or null if it is. */
    static String mismatch(ProbedResponse response) {
        if (response.status() != 200) {
            return "status " + response.status();
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return "Content-Type " + type;
        }
        if (!response.bodyText().equals(EXPECTED_BODY)) {
            return "body " + response.bodyText();
        }
        return null;
    }
}
