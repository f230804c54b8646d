package dev.fasthttp.benchmarks.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * The JDK's {@link HttpClient} (HTTP/1.1, one connection kept alive between uploads) sending the
 * body from an {@link InputStream} of known length:
 * {@code BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(...), size)}, so the request
 * has a Content-Length, as the raw client's. The stream hands out one pattern array again and
 * again; what the client copies and allocates on the way is its own.
 */
final class JdkUploadClient implements UploadClient {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;

    JdkUploadClient(int port) {
        uri = URI.create("http://127.0.0.1:" + port + "/upload");
    }

    @Override
    public long upload(long size) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/octet-stream")
                .POST(size == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)), size))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return UploadClient.check(response.statusCode(), Long.parseLong(response.body()), size);
    }

    @Override
    public void close() {
        client.close();
    }

    /** {@code size} bytes of the alphabet, from one array. */
    static final class PatternStream extends InputStream {

        private static final byte[] PATTERN = new byte[64 * 1024];

        static {
            for (int i = 0; i < PATTERN.length; i++) {
                PATTERN[i] = (byte) ('a' + i % 26);
            }
        }

        private long left;

        PatternStream(long size) {
            left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (left == 0) {
                return len == 0 ? 0 : -1;
            }
            int n = (int) Math.min(Math.min(len, left), PATTERN.length);
            System.arraycopy(PATTERN, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
