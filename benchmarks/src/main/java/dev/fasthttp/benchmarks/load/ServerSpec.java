package dev.fasthttp.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server in the comparison: how to start it, and whether it is a JVM (whose heap can be
 * probed). Every one answers {@code GET /plaintext} with {@code Hello, World!} on the port in
 * {@code PORT}.
 */
record ServerSpec(String name, String label, List<String> command, Map<String, String> env, boolean jvm) {

    /**
     * The flags every JVM server gets: told it has one core (the one it is pinned to), a fixed heap
     * so heap sizing does not differ between runs, and an Integer cache wide enough that the JDK
     * selector (used by Tomcat, the JDK server and fasthttp for Java) does not box file descriptors.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:ActiveProcessorCount=1", "-Xms1g", "-Xmx1g",
            "-XX:AutoBoxCacheMax=65536");

    /** All servers, in report order. */
    static Map<String, ServerSpec> catalogue(Path repo, String java) {
        List<String> jvm = jvm(java);
        String benchmarks = benchmarksJar(repo);
        Map<String, ServerSpec> all = new LinkedHashMap<>();
        add(all, new ServerSpec("fasthttp-java", "fasthttp for Java (samples/hello-core)",
                concat(jvm, "-jar", repo.resolve("samples/hello-core/target/hello-core.jar").toString()), Map.of(), true));
        add(all, new ServerSpec("fasthttp-spring", "fasthttp for Java via the Spring Boot starter (samples/hello-spring)",
                concat(jvm, "-jar", repo.resolve("samples/hello-spring/target/hello-spring.jar").toString()), Map.of(), true));
        add(all, new ServerSpec("go-fasthttp", "Go fasthttp 1.31 (GOMAXPROCS=1)",
                List.of(repo.resolve("benchmarks/load/target/go-fasthttp-hello").toString()), Map.of("GOMAXPROCS", "1"), false));
        add(all, new ServerSpec("netty", "Netty 4.2 (epoll, HttpServerCodec)",
                concat(jvm, "-cp", benchmarks, "dev.fasthttp.benchmarks.peers.NettyHelloServer"), Map.of("TRANSPORT", "epoll"), true));
        add(all, new ServerSpec("spring-mvc", "Spring Boot 4.1 Web MVC (Tomcat)",
                concat(jvm, "-jar", repo.resolve("benchmarks/peers/spring-mvc-hello/target/spring-mvc-hello.jar").toString()),
                Map.of(), true));
        add(all, new ServerSpec("spring-webflux", "Spring Boot 4.1 WebFlux (Reactor Netty)",
                concat(jvm, "-jar", repo.resolve("benchmarks/peers/spring-webflux-hello/target/spring-webflux-hello.jar").toString()),
                Map.of(), true));
        add(all, new ServerSpec("jdk-platform", "JDK com.sun.net.httpserver (platform threads)",
                concat(jvm, "-cp", benchmarks, "dev.fasthttp.benchmarks.peers.JdkHelloServer"), Map.of("EXECUTOR", "platform"), true));
        add(all, new ServerSpec("jdk-virtual", "JDK com.sun.net.httpserver (virtual threads)",
                concat(jvm, "-cp", benchmarks, "dev.fasthttp.benchmarks.peers.JdkHelloServer"), Map.of("EXECUTOR", "virtual"), true));
        return all;
    }

    /**
     * Not a server of the load comparison (it answers every request with the typed route's JSON):
     * the least a JDK server spends per request, for {@link TypedRoute}.
     */
    static ServerSpec floor(Path repo, String java) {
        return new ServerSpec("floor", "JDK NIO loop sending fixed bytes (benchmarks' FloorServer)",
                concat(jvm(java), "-cp", benchmarksJar(repo), "dev.fasthttp.benchmarks.peers.FloorServer"), Map.of(), true);
    }

    private static List<String> jvm(String java) {
        List<String> jvm = new ArrayList<>();
        jvm.add(java);
        jvm.addAll(JVM_OPTIONS);
        return jvm;
    }

    private static String benchmarksJar(Path repo) {
        return repo.resolve("benchmarks/target/benchmarks.jar").toString();
    }

    /** The same server started with {@code arguments} after its command (application arguments, for Spring Boot properties). */
    ServerSpec withArguments(List<String> arguments) {
        return arguments.isEmpty() ? this : new ServerSpec(name, label, concat(command, arguments.toArray(String[]::new)), env, jvm);
    }

    private static void add(Map<String, ServerSpec> all, ServerSpec spec) {
        all.put(spec.name(), spec);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return List.copyOf(all);
    }
}
