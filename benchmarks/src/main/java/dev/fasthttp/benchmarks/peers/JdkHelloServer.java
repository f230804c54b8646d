package dev.fasthttp.benchmarks.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The JDK's built-in {@code com.sun.net.httpserver} answering {@code GET /plaintext} with
 * {@code Hello, World!}: a peer for load comparisons.
 *
 * <pre>PORT=8081 EXECUTOR=virtual java -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.peers.JdkHelloServer</pre>
 *
 * {@code EXECUTOR} is {@code platform} (a fixed pool, one thread per core, the default) or
 * {@code virtual} (a virtual thread per exchange).
 */
public final class JdkHelloServer {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private JdkHelloServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8081"));
        String executor = System.getenv().getOrDefault("EXECUTOR", "platform");
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 1024);
        server.createContext("/plaintext", JdkHelloServer::plaintext);
        server.setExecutor(executor.equals("virtual")
                ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()));
        server.start();
        System.out.println("JDK HttpServer (" + executor + " threads) listening on " + port);
    }

    private static void plaintext(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, HELLO.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(HELLO);
        }
    }
}
