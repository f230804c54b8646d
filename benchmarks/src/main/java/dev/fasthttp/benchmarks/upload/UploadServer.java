package dev.fasthttp.benchmarks.upload;

/**
 * A server on a loopback port that takes {@code POST /upload} of any size as it arrives, without
 * holding it, counts its bytes and answers {@code 200} with the count as a decimal
 * {@code text/plain} body, on a keep-alive connection: the client compares it with what it sent.
 */
public interface UploadServer extends AutoCloseable {

    /** The servers measured, by the name {@link UploadBenchmark}'s {@code server} parameter gives them. */
    static UploadServer start(String name) {
        return switch (name) {
            case "fasthttp" -> new FasthttpUploadServer(false);
            case "fasthttp-receiver" -> new FasthttpUploadServer(true);
            case "netty" -> new NettyUploadServer(true);
            case "netty-count-only" -> new NettyUploadServer(false);
            default -> throw new IllegalArgumentException("no upload server named " + name);
        };
    }

    int port();

    @Override
    void close();
}
