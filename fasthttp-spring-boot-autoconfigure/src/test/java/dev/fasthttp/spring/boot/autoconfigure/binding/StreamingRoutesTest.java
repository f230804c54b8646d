package dev.fasthttp.spring.boot.autoconfigure.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.FormFile;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.Server;
import dev.fasthttp.SpooledMultipartForm;
import dev.fasthttp.spring.boot.FastHttpRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

/**
 * {@code @FastHttpRoute(streaming = true)}: the body read as it arrives by a typed method
 * ({@code InputStream}, JSON) or a {@code RequestCtx} one (a form spilled to disk), and the
 * streamed limits from {@code fasthttp.server.*}, through a Boot application and the JDK client.
 */
class StreamingRoutesTest {

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "fasthttp.server.max-request-body-size=1KB", "fasthttp.server.max-streamed-request-body-size=16MB",
                        "fasthttp.server.request-body-stream-buffer-size=32KB", "fasthttp.server.multipart.file-size-threshold=100KB",
                        "fasthttp.server.multipart.max-file-size=2MB")
                .run();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    record Point(int x, int y) {
    }

    static class Api {

        @FastHttpRoute(value = "/count", method = "POST", streaming = true)
        Map<String, Object> count(@RequestBody InputStream body) throws IOException {
            long n = body.transferTo(OutputStream.nullOutputStream());
            return Map.of("bytes", n, "thread", Thread.currentThread().isVirtual() ? "virtual" : "platform");
        }

        @FastHttpRoute(value = "/point", method = "POST", streaming = true)
        String point(@RequestBody Point point) {
            return point.x() + "," + point.y();
        }

        @FastHttpRoute(value = "/form", method = "POST", streaming = true)
        void form(RequestCtx ctx) throws IOException {
            SpooledMultipartForm form = ctx.spooledMultipartForm();
            FormFile file = form.file("f");
            ctx.setBodyString(form.get("name") + " " + file.filename() + " " + file.size() + " " + file.inMemory());
        }

        @FastHttpRoute(value = "/parts", method = "POST", streaming = true)
        String parts(@RequestPart("f") FormFile file, @RequestPart String name, @RequestPart("f") byte[] bytes,
                     @RequestPart(name = "note", required = false) Optional<String> note) {
            return name + " " + file.filename() + " " + file.size() + " " + bytes.length + " " + note.orElse("-");
        }

        @FastHttpRoute(value = "/parts-buffered", method = "POST")
        String partsBuffered(@RequestParam("f") FormFile file, @RequestPart("f") InputStream content) throws IOException {
            return file.filename() + " " + new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }

        @FastHttpRoute(value = "/buffered", method = "POST")
        String buffered(@RequestBody String body) {
            return "buffered " + body.length();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Api api() {
            return new Api();
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port") + path);
    }

    private static HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStreamingRouteTakesBodiesPastTheBufferedLimitAsTheyArrive() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        HttpResponse<String> sized = post("/count", "application/octet-stream", HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(sized.statusCode()).isEqualTo(200);
        assertThat(sized.body()).contains("\"bytes\":5242880").contains("\"thread\":\"virtual\"");
        HttpResponse<String> chunked = post("/count", "application/octet-stream",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        assertThat(chunked.body()).contains("\"bytes\":5242880");
        assertThat(post("/buffered", "text/plain", HttpRequest.BodyPublishers.ofByteArray(new byte[2048])).statusCode())
                .as("the buffered limit still holds elsewhere").isEqualTo(413);
    }

    @Test
    void theStreamedLimitComesFromTheProperties() throws Exception {
        assertThat(app.getBean(Server.class).settings().maxStreamedRequestBodySize()).isEqualTo(16L * 1024 * 1024);
        assertThat(app.getBean(Server.class).settings().multipartLimits().memoryThreshold()).isEqualTo(100L * 1024);
        assertThat(app.getBean(Server.class).settings().multipartLimits().maxFileSize()).isEqualTo(2L * 1024 * 1024);
        HttpResponse<String> tooLarge = post("/count", "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(new byte[17 * 1024 * 1024]));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    @Test
    void jsonIsReadFromTheStream() throws Exception {
        assertThat(post("/point", "application/json", HttpRequest.BodyPublishers.ofString("{\"x\":3,\"y\":4}")).body()).isEqualTo("3,4");
        HttpResponse<String> malformed = post("/point", "application/json", HttpRequest.BodyPublishers.ofString("{\"x\":"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("JSON parse error");
    }

    /** A multipart body of the fields given, then one file part {@code f} named {@code a.bin}. */
    private static byte[] form(String boundary, byte[] file, String... fields) {
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(file);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return form.toByteArray();
    }

    @Test
    void partsBindAsSpringMvcBindsMultipartFiles() throws Exception {
        String type = "multipart/form-data; boundary=xyz";
        HttpResponse<String> streamed = post("/parts", type, HttpRequest.BodyPublishers.ofByteArray(form("xyz", new byte[300_000], "name", "zoë")));
        assertThat(streamed.body()).isEqualTo("zoë a.bin 300000 300000 -");
        HttpResponse<String> noted = post("/parts", type, HttpRequest.BodyPublishers.ofByteArray(
                form("xyz", new byte[3], "name", "ada", "note", "hi")));
        assertThat(noted.body()).isEqualTo("ada a.bin 3 3 hi");
        HttpResponse<String> missing = post("/parts", type, HttpRequest.BodyPublishers.ofByteArray(form("xyz", new byte[3])));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Required part 'name' is not present");
        HttpResponse<String> buffered = post("/parts-buffered", type, HttpRequest.BodyPublishers.ofByteArray(
                form("xyz", "hello".getBytes(StandardCharsets.US_ASCII))));
        assertThat(buffered.body()).isEqualTo("a.bin hello");
        assertThat(post("/parts-buffered", "text/plain", HttpRequest.BodyPublishers.ofString("x")).statusCode())
                .as("a form was expected").isEqualTo(415);
    }

    @Test
    void aStreamedFormKeepsBigFilesOnDiskUntilTheRequestEnds() throws Exception {
        byte[] file = new byte[1024 * 1024];
        String boundary = "b0undary";
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nada\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(file);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = post("/form", "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()));
        assertThat(r.body()).isEqualTo("ada big.bin 1048576 false");
    }
}
