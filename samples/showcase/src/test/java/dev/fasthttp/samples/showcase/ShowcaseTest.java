package dev.fasthttp.samples.showcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.Server;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The showcase's flags and routes, as outside tests use them. */
class ShowcaseTest {

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Server server;

    @BeforeAll
    static void start() {
        server = Showcase.server(Options.parse(new String[] {"--port", "0", "--host", "127.0.0.1"}, null)).start();
    }

    @AfterAll
    static void stop() {
        server.shutdown(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "{0} (PORT={1})")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ''                                               | null | 8080 | 4194304 | 1000
            ''                                               | 9090 | 9090 | 4194304 | 1000
            --port 7000                                      | 9090 | 7000 | 4194304 | 1000
            --port=7001 --max-body=1024 --timeout-ms=250     | null | 7001 | 1024    | 250
            --max-body 0 --timeout-ms 1                      | null | 8080 | 0       | 1
            """)
    void flags(String args, String portVariable, int port, long maxBody, long timeout) {
        Options options = Options.parse(args.isEmpty() ? new String[0] : args.split(" "), portVariable);
        assertThat(options.port()).isEqualTo(port);
        assertThat(options.maxBody()).isEqualTo(maxBody);
        assertThat(options.timeoutMillis()).isEqualTo(timeout);
    }

    @Test
    void badFlagsAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--port", "70000"}, null)).hasMessageContaining("--port must be from 0 to 65535");
        assertThatThrownBy(() -> Options.parse(new String[] {"--max-body", "lots"}, null)).hasMessageContaining("--max-body must be a number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--verbose"}, null)).hasMessageContaining("--verbose needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--colour", "red"}, null)).hasMessageContaining("unknown option --colour");
    }

    @Test
    void plaintext() throws Exception {
        assertThat(get("/plaintext", HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("Hello, World!");
    }

    @Test
    void downloadSendsThePatternWithItsLength() throws Exception {
        HttpResponse<byte[]> response = get("/download?bytes=1000", HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Length")).hasValue("1000");
        for (int i = 0; i < 1000; i++) {
            assertThat(response.body()[i] & 0xff).isEqualTo(i % 251);
        }
        assertThat(get("/download?bytes=0", HttpResponse.BodyHandlers.ofByteArray()).body()).isEmpty();
        for (String bad : List.of("", "?bytes=-1", "?bytes=lots", "?bytes=1099511627777")) {
            assertThat(get("/download" + bad, HttpResponse.BodyHandlers.ofString()).statusCode()).as(bad).isEqualTo(400);
        }
    }

    /**
     * The Done-when case: 2 GiB down and 2 GiB up through a server whose heap is 64 MiB (and which
     * exits on running out of it), each checked byte for byte by digest.
     */
    @Test
    void twoGibibytesEachWayThroughA64MebibyteHeap() throws Exception {
        long size = 2L * 1024 * 1024 * 1024;
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                Showcase.class.getName(), "--port", "0", "--host", "127.0.0.1").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("showcase listening on port ")) {
                // start-up lines
            }
            assertThat(line).as("the server started").isNotNull();
            int port = Integer.parseInt(line.substring("showcase listening on port ".length()).trim());
            String expected = sha256(new PatternStream(size));

            HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/download?bytes=" + size)).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(size);
            assertThat(sha256(download.body())).isEqualTo(expected);

            HttpResponse<String> upload = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/upload"))
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)), size))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).isEqualTo(200);
            assertThat(upload.body()).isEqualTo("{\"bytes\":" + size + ",\"sha256\":\"" + expected + "\"}");
            assertThat(process.isAlive()).as("the server survived with its 64 MiB heap").isTrue();
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void uploadHashesBodiesOfEveryFraming() throws Exception {
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i % 251);
        }
        String digest = sha256(new java.io.ByteArrayInputStream(body));
        HttpResponse<String> sized = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sized.body()).isEqualTo("{\"bytes\":300000,\"sha256\":\"" + digest + "\"}");
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.body()).isEqualTo(sized.body());
        HttpResponse<String> empty = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/upload"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(empty.body()).isEqualTo("{\"bytes\":0,\"sha256\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}");
    }

    @Test
    void slowAnswersInTimeOrWith503FromTheTimeoutHandler() throws Exception {
        Server timed = Showcase.server(Options.parse(new String[] {"--port", "0", "--host", "127.0.0.1", "--timeout-ms", "500"}, null)).start();
        try {
            String base = "http://127.0.0.1:" + timed.port();
            HttpResponse<String> quick = client.send(HttpRequest.newBuilder(URI.create(base + "/slow?ms=10")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(quick.statusCode()).isEqualTo(200);
            assertThat(quick.body()).isEqualTo("slept 10");
            HttpResponse<String> late = client.send(HttpRequest.newBuilder(URI.create(base + "/slow?ms=5000")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(late.body()).contains("500 ms");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/slow?ms=-1")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        } finally {
            timed.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void trailersAreEchoedAfterTheChunkedBody() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /trailers HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Checksum: 5d41402a\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = readUntilEmptyLineAfterLastChunk(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 200").contains("Transfer-Encoding: chunked\r\n")
                    .contains("Trailer: X-Checksum\r\n").endsWith("\r\n\r\n5\r\nhello\r\n0\r\nX-Checksum: 5d41402a\r\n\r\n");
            socket.getOutputStream().write(("POST /trailers HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\nContent-Length: 5\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 400");
        }
    }

    private static String readUntilEmptyLineAfterLastChunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return out.toString(StandardCharsets.US_ASCII);
            }
            out.write(b);
            String s = out.toString(StandardCharsets.US_ASCII);
            int body = s.indexOf("\r\n\r\n");
            if (body >= 0 && s.indexOf("\r\n0\r\n", body) >= 0 && s.endsWith("\r\n\r\n") && s.length() > body + 4) {
                return s;
            }
        }
    }

    @Test
    void formEchoesAMultipartFormAsJson() throws Exception {
        byte[] binary = new byte[1000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--b0und4ry\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nZoë \"Z\" O'Neil\r\n"
                + "--b0und4ry\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nline 1\r\nline 2\ttab\\ \u0001\r\n"
                + "--b0und4ry\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(binary);
        form.writeBytes(("\r\n--b0und4ry\r\nContent-Disposition: form-data; name=\"g\"; filename=\"..\\\"odd\\\".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhi\r\n--b0und4ry--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = post("multipart/form-data; boundary=b0und4ry", form.toByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"fields\":{\"name\":\"Zoë \\\"Z\\\" O'Neil\",\"note\":\"line 1\\r\\nline 2\\ttab\\\\ \\u0001\"},"
                + "\"files\":[{\"field\":\"f\",\"filename\":\"a.bin\",\"contentType\":\"application/octet-stream\",\"bytes\":1000,"
                + "\"sha256\":\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(binary)) + "\"},"
                + "{\"field\":\"g\",\"filename\":\"..\\\"odd\\\".txt\",\"contentType\":\"text/plain\",\"bytes\":2,"
                + "\"sha256\":\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("hi".getBytes(StandardCharsets.US_ASCII)))
                + "\"}]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            urlencoded, in order, repeats kept | application/x-www-form-urlencoded | b=2&a=%C3%A9+1&b=3 | 200 | {"fields":{"b":"2","a":"é 1","b":"3"},"files":[]}
            an empty urlencoded form           | application/x-www-form-urlencoded | ``                 | 200 | {"fields":{},"files":[]}
            an empty multipart form            | multipart/form-data; boundary=x   | --x--              | 200 | {"fields":{},"files":[]}
            neither form type                  | text/plain                        | a=1                | 415 | Content-Type must be multipart/form-data
            a form without its close delimiter | multipart/form-data; boundary=x   | --x\\r\\n         | 400 | the body ends before the close delimiter --boundary--
            no boundary                        | multipart/form-data               | --x--              | 400 | multipart/form-data needs a boundary parameter
            """)
    void formAnswers(String name, String type, String body, int status, String expected) throws Exception {
        HttpResponse<String> response = post(type, body.replace("\\r\\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(expected);
    }

    @Test
    void formRefusesMoreThanAThousandParts() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= 1000; i++) {
            body.append("--x\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\n\r\n");
        }
        HttpResponse<String> response = post("multipart/form-data; boundary=x", body.append("--x--").toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("the form has more parts than the limit of 1000");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(json("abc")).isEqualTo("\"abc\"");
        assertThat(json("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(json("\t\n\r\b\f\u0000\u001f")).isEqualTo("\"\\t\\n\\r\\b\\f\\u0000\\u001f\"");
        assertThat(json("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(json("é€\uD83D\uDE00 / \u007f")).isEqualTo("\"é€\uD83D\uDE00 / \u007f\"");
    }

    private static String json(String text) {
        return Json.string(new StringBuilder(), text).toString();
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/form"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).build(), body);
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
