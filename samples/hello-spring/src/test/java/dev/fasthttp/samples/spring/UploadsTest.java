package dev.fasthttp.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sample's streaming upload routes through a real client over a socket, past the buffered body limit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "fasthttp.server.max-request-body-size=64KB"})
class UploadsTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    private static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private HttpResponse<String> post(String path, String type, HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", type)
                .POST(body).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRawBodyFarPastTheBufferedLimitIsHashedAsItArrives() throws Exception {
        byte[] body = pattern(3 * 1024 * 1024);
        HttpResponse<String> sized = post("/uploads", "application/octet-stream", HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(sized.statusCode()).isEqualTo(200);
        assertThat(sized.body()).isEqualTo("{\"name\":null,\"bytes\":3145728,\"sha256\":\"" + sha256(body) + "\"}");
        HttpResponse<String> chunked = post("/uploads", "application/octet-stream",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(chunked.body()).isEqualTo(sized.body());
    }

    @Test
    void aFormFileIsTakenAsAMultipartFileWouldBe() throws Exception {
        byte[] file = pattern(1024 * 1024);
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(file);
        form.writeBytes("\r\n--b0--\r\n".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = post("/uploads/form", "multipart/form-data; boundary=b0",
                HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"name\":\"big.bin\",\"bytes\":1048576,\"sha256\":\"" + sha256(file) + "\"}");
        HttpResponse<String> noFile = post("/uploads/form", "multipart/form-data; boundary=b0",
                HttpRequest.BodyPublishers.ofString("--b0\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b0--\r\n"));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("Required part 'file' is not present");
    }
}
