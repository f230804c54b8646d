package dev.fasthttp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.FormFile;
import dev.fasthttp.MultipartForm;
import dev.fasthttp.Server;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MultipartBody}: the bytes it writes, and forms read back by this project's server
 * ({@code ctx.multipartForm()}), names and filenames exactly as given, files from memory, paths and
 * streams, with a Content-Length or chunked.
 */
class MultipartBodyTest {

    private static final int MIB = 1024 * 1024;

    private static Server server;
    private static HostClient client;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = TestServers.start(MultipartBodyTest::describe, b -> b.logger(TestServers.QUIET).maxRequestBodySize(64 * MIB));
        client = HostClient.builder("127.0.0.1:" + server.port()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown(Duration.ofSeconds(5));
    }

    /** What the server read: the framing, then one line per field and per file. */
    private static void describe(dev.fasthttp.RequestCtx ctx) {
        MultipartForm form = ctx.multipartForm();
        StringBuilder sb = new StringBuilder(ctx.headers().isChunked() ? "chunked" : "length " + ctx.headers().contentLength()).append('\n');
        for (int i = 0; i < form.fieldCount(); i++) {
            sb.append("field [").append(form.fieldName(i)).append("]=[").append(form.fieldValue(i)).append("]\n");
        }
        for (int i = 0; i < form.fileCount(); i++) {
            FormFile f = form.file(i);
            sb.append("file [").append(f.fieldName()).append("] [").append(f.filename()).append("] ").append(f.contentType())
                    .append(' ').append(f.size()).append(' ').append(sha256(f.content())).append('\n');
        }
        ctx.success("text/plain; charset=utf-8", sb.toString());
    }

    private static String sha256(ByteView v) {
        MessageDigest md = PatternStream.sha256();
        md.update(v.array(), v.offset(), v.length());
        return HexFormat.of().formatHex(md.digest());
    }

    private static String sha256(byte[] b) {
        return HexFormat.of().formatHex(PatternStream.sha256().digest(b));
    }

    private static String post(MultipartBody form) throws IOException {
        ClientResponse resp = new ClientResponse();
        client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/form").setBody(form), resp);
        assertThat(resp.statusCode()).as(resp.bodyString()).isEqualTo(200);
        return resp.bodyString();
    }

    @Test
    void theBytesOnTheWire() throws IOException {
        MultipartBody form = MultipartBody.builder().boundary("b0undary")
                .field("title", "Hello")
                .field("say \"a\\b\"", "x")
                .file("doc", "r\u00e9sum\u00e9 \"1\".txt", "text/plain", "hi".getBytes(StandardCharsets.US_ASCII))
                .file("bad", "a\r\nContent-Type: evil", null, new byte[0])
                .build();
        String expected = """
                --b0undary\r
                Content-Disposition: form-data; name="title"\r
                \r
                Hello\r
                --b0undary\r
                Content-Disposition: form-data; name="say \\"a\\\\b\\""\r
                \r
                x\r
                --b0undary\r
                Content-Disposition: form-data; name="doc"; filename="r\u00e9sum\u00e9 \\"1\\".txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%221%22.txt\r
                Content-Type: text/plain\r
                \r
                hi\r
                --b0undary\r
                Content-Disposition: form-data; name="bad"; filename="a%0D%0AContent-Type: evil"; filename*=UTF-8''a%0D%0AContent-Type%3A%20evil\r
                Content-Type: application/octet-stream\r
                \r
                \r
                --b0undary--\r
                """;
        byte[] wire;
        try (InputStream in = form.openStream()) {
            wire = in.readAllBytes();
        }
        assertThat(new String(wire, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(form.contentLength()).isEqualTo(wire.length);
        assertThat(form.isStreamed()).isFalse();
        assertThat(form.contentType()).isEqualTo("multipart/form-data; boundary=b0undary");
        assertThat(new String(form.openStream().readAllBytes(), StandardCharsets.UTF_8)).as("opened again").isEqualTo(expected);
        assertThat(new String(MultipartBody.builder().boundary("e").build().openStream().readAllBytes(), StandardCharsets.US_ASCII))
                .isEqualTo("--e--\r\n");
    }

    @Test
    void randomBoundaries() {
        String a = MultipartBody.builder().build().boundary();
        String b = MultipartBody.builder().build().boundary();
        assertThat(a).hasSize(32).matches("[0-9A-Za-z]+").isNotEqualTo(b);
        assertThatThrownBy(() -> MultipartBody.builder().boundary("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartBody.builder().boundary("x".repeat(71))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartBody.builder().boundary("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartBody.builder().file("f", "f", "text/plain\r\nX: y", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAndFilenamesComeBackExactly() throws IOException {
        byte[] small = "small file".getBytes(StandardCharsets.US_ASCII);
        Path onDisk = Files.write(dir.resolve("plain-name.bin"), "on disk".getBytes(StandardCharsets.US_ASCII));
        MultipartBody form = MultipartBody.builder()
                .field("plain", "value")
                .field("caf\u00e9 \"quoted\"", "\u65e5\u672c\u8a9e")
                .file("quotes", "say \"hi\".txt", "text/plain", small)
                .file("unicode", "r\u00e9sum\u00e9 \u65e5\u672c.txt", "text/plain; charset=utf-8", onDisk)
                .file("lines", "two\r\nlines\\.txt", null, new ByteArrayInputStream(small), small.length)
                .build();
        assertThat(form.isStreamed()).isTrue();
        assertThat(form.contentLength()).isPositive();

        assertThat(post(form)).isEqualTo("length " + form.contentLength() + "\n"
                + "field [plain]=[value]\n"
                + "field [caf\u00e9 \"quoted\"]=[\u65e5\u672c\u8a9e]\n"
                + "file [quotes] [say \"hi\".txt] text/plain 10 " + sha256(small) + "\n"
                + "file [unicode] [r\u00e9sum\u00e9 \u65e5\u672c.txt] text/plain; charset=utf-8 7 "
                + sha256("on disk".getBytes(StandardCharsets.US_ASCII)) + "\n"
                + "file [lines] [two\r\nlines\\.txt] application/octet-stream 10 " + sha256(small) + "\n");
    }

    @Test
    void aFileOfUnknownSizeSendsTheFormChunked() throws IOException {
        byte[] content = new byte[100_000];
        new PatternStream(content.length).read(content, 0, content.length);
        PatternStream unsized = new PatternStream(content.length);
        MultipartBody form = MultipartBody.builder()
                .field("a", "1")
                .file("f", "data.bin", "application/octet-stream", unsized, -1)
                .field("b", "2")
                .build();
        assertThat(form.contentLength()).isEqualTo(-1);
        assertThat(post(form)).isEqualTo("chunked\nfield [a]=[1]\nfield [b]=[2]\n"
                + "file [f] [data.bin] application/octet-stream 100000 " + sha256(content) + "\n");
        assertThat(unsized.closes).isEqualTo(1);
        assertThatThrownBy(form::openStream).as("its stream was read").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLargeFileIsReadAsItIsSentNotCopied() throws IOException {
        long size = 24L * MIB;
        Path big = dir.resolve("big.bin");
        try (InputStream in = new PatternStream(size)) {
            Files.copy(in, big);
        }
        MultipartBody form = MultipartBody.builder().file("big", big).build();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri("/form").setBody(form);
        ClientResponse resp = new ClientResponse();
        long before = threads.getThreadAllocatedBytes(self);
        client.doRequest(req, resp);
        long allocated = threads.getThreadAllocatedBytes(self) - before;
        System.out.printf("multipart upload of a %d byte file: %d bytes allocated on the calling thread%n", size, allocated);
        assertThat(resp.bodyString()).isEqualTo("length " + form.contentLength() + "\n"
                + "file [big] [big.bin] application/octet-stream " + size + " " + PatternStream.sha256(size) + "\n");
        assertThat(allocated).isLessThan(2L * MIB);
        assertThat(post(form)).as("a form of files on disk can be sent again").contains(PatternStream.sha256(size));
    }

    @Test
    void aFileThatShrankFailsTheCallAndClosingTheFormClosesItsStreams() throws IOException {
        Path shrinking = Files.write(dir.resolve("shrinking.txt"), new byte[1000]);
        MultipartBody form = MultipartBody.builder().file("f", shrinking).build();
        Files.write(shrinking, new byte[10]);
        ClientResponse resp = new ClientResponse();
        assertThatThrownBy(() -> client.doRequest(new ClientRequest().setMethod("POST").setRequestUri("/form").setBody(form), resp))
                .isInstanceOf(IOException.class).hasMessageContaining("990 bytes short");

        PatternStream first = new PatternStream(10);
        PatternStream second = new PatternStream(10);
        MultipartBody two = MultipartBody.builder()
                .file("a", "a", null, first, 10)
                .file("b", "b", null, second, 10)
                .build();
        new ClientRequest().setBody(two).reset(); // never sent: its streams are closed all the same
        assertThat(first.closes).isEqualTo(1);
        assertThat(second.closes).isEqualTo(1);
        assertThatThrownBy(() -> MultipartBody.builder().file("f", dir.resolve("missing"))).isInstanceOf(IOException.class);
    }
}
