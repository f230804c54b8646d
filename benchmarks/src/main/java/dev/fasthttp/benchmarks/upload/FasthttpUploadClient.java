package dev.fasthttp.benchmarks.upload;

import dev.fasthttp.client.ClientRequest;
import dev.fasthttp.client.ClientResponse;
import dev.fasthttp.client.HostClient;
import java.io.IOException;

/**
 * This project's {@link HostClient} sending the body from an {@code InputStream} of known length
 * ({@code ClientRequest.setBodyStream(stream, size)}, with a Content-Length), one connection kept
 * alive between uploads; request and response objects reused from upload to upload.
 */
final class FasthttpUploadClient implements UploadClient {

    private final HostClient client;
    private final ClientRequest request = new ClientRequest();
    private final ClientResponse response = new ClientResponse();

    FasthttpUploadClient(int port) {
        client = HostClient.builder("127.0.0.1:" + port).maxConnections(1).build();
    }

    @Override
    public long upload(long size) throws IOException {
        request.reset();
        request.setMethod("POST").setRequestUri("/upload");
        request.headers().set("Content-Type", "application/octet-stream");
        request.setBodyStream(new JdkUploadClient.PatternStream(size), size);
        client.doRequest(request, response);
        return UploadClient.check(response.statusCode(), Long.parseLong(response.bodyString()), size);
    }

    @Override
    public void close() {
        client.close();
    }
}
