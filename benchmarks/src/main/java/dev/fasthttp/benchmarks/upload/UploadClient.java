package dev.fasthttp.benchmarks.upload;

import java.io.IOException;

/**
 * Uploads bodies of a given size to an {@link UploadServer}'s {@code POST /upload}, one after
 * another on one keep-alive connection, and checks every answer: status 200 and the byte count
 * the server received equal to the size sent, or the upload fails.
 */
public interface UploadClient extends AutoCloseable {

    /** The clients measured, by the name {@link UploadBenchmark}'s {@code client} parameter gives them. */
    static UploadClient open(String name, int port) throws IOException {
        return switch (name) {
            case "raw" -> new RawUploadClient(port);
            case "jdk" -> new JdkUploadClient(port);
            case "fasthttp" -> new FasthttpUploadClient(port);
            default -> throw new IllegalArgumentException("no upload client named " + name);
        };
    }

    /**
     * Sends a body of {@code size} bytes and waits for the answer.
     *
     * @return the byte count the server reported, always {@code size}
     * @throws IllegalStateException if the server answered anything else
     */
    long upload(long size) throws IOException, InterruptedException;

    @Override
    void close() throws IOException;

    /** Fails the upload on anything but status 200 with the count of bytes sent: a fast wrong answer must not count. */
    static long check(int status, long received, long sent) {
        if (status != 200 || received != sent) {
            throw new IllegalStateException("upload of " + sent + " bytes answered with status " + status + ", " + received + " bytes received");
        }
        return received;
    }
}
