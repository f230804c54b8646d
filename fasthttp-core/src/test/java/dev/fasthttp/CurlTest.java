package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curl command-line client against the server: another independent HTTP/1.1 implementation. */
class CurlTest {

    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final int BIG = 8 * 1024 * 1024;

    @TempDir
    Path dir;

    private Server server;

    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void needsCurl() {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed at " + CURL);
    }

    @BeforeEach
    void start() {
        server = TestServers.start(ctx -> {
            switch (ctx.path().toString()) {
                case "/hello" -> ctx.success("text/plain", "hello curl");
                case "/echo" -> {
                    ctx.response().headers().set("X-Chunked", String.valueOf(ctx.headers().isChunked()));
                    ctx.response().headers().setLong("X-Length", ctx.body().length());
                    ctx.response().headers().set("X-Expect", String.valueOf(ctx.headers().get("Expect")));
                    ctx.setContentType("application/octet-stream");
                    ctx.write(ctx.body());
                }
                case "/version" -> ctx.success("text/plain", ctx.request().protocol());
                case "/big" -> {
                    byte[] body = new byte[BIG];
                    new Random(BIG).nextBytes(body);
                    ctx.success("application/octet-stream", body);
                }
                default -> ctx.success("text/plain", "path " + ctx.path() + ";");
            }
        });
    }

    @AfterEach
    void stop() {
        server.shutdown(Duration.ofSeconds(5));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private Result curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CURL.toString(), "--silent", "--show-error",
                "--max-time", "30", "--noproxy", "*"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".bin");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("curl did not finish: " + command);
        }
        Result r = new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
        assertThat(r.exitCode()).as("curl exit code; stderr: %s", r.stderr()).isZero();
        return r;
    }

    private Path file(int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve("upload-" + size + ".bin"), bytes);
    }

    @Test
    void get() throws Exception {
        Result r = curl(url("/hello"));
        assertThat(r.out()).isEqualTo("hello curl");
    }

    @Test
    void postBinaryData() throws Exception {
        Path upload = file(100_000, 1);
        Result r = curl("--data-binary", "@" + upload, "-H", "Content-Type: application/octet-stream",
                "-D", dir.resolve("headers.txt").toString(), url("/echo"));
        assertThat(r.stdout()).isEqualTo(Files.readAllBytes(upload));
        String headers = Files.readString(dir.resolve("headers.txt"));
        assertThat(headers).startsWith("HTTP/1.1 200 OK").contains("X-Chunked: false", "X-Length: 100000");
    }

    @Test
    void postWithExpectContinue() throws Exception {
        Path upload = file(2 * 1024 * 1024, 2);
        Result r = curl("--data-binary", "@" + upload, "-H", "Expect: 100-continue",
                "-D", dir.resolve("headers.txt").toString(), url("/echo"));
        assertThat(r.stdout()).isEqualTo(Files.readAllBytes(upload));
        String headers = Files.readString(dir.resolve("headers.txt"));
        assertThat(headers).contains("HTTP/1.1 100 Continue", "X-Expect: 100-continue");
    }

    @Test
    void chunkedUpload() throws Exception {
        Path upload = file(300_000, 3);
        Result r = curl("--data-binary", "@" + upload, "-H", "Transfer-Encoding: chunked",
                "-D", dir.resolve("headers.txt").toString(), url("/echo"));
        assertThat(r.stdout()).isEqualTo(Files.readAllBytes(upload));
        assertThat(Files.readString(dir.resolve("headers.txt"))).contains("X-Chunked: true", "X-Length: 300000");
    }

    @Test
    void http10() throws Exception {
        Result r = curl("--http1.0", "-i", url("/version"));
        assertThat(r.out()).startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: close\r\n").endsWith("\r\n\r\nHTTP/1.0");
    }

    @Test
    void headRequest() throws Exception {
        Result r = curl("-I", url("/hello"));
        assertThat(r.out()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 10\r\n").endsWith("\r\n\r\n");
        assertThat(r.out()).doesNotContain("hello curl");
    }

    @Test
    void severalUrlsReuseOneConnection() throws Exception {
        Result r = curl("-v", url("/one"), url("/two"), url("/three"), url("/hello"));
        assertThat(r.out()).isEqualTo("path /one;path /two;path /three;hello curl");
        assertThat(r.stderr()).containsPattern("(?i)re-?using existing");
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        assertThat(server.stats().requests(2)).isEqualTo(4);
    }

    @Test
    void largeDownload() throws Exception {
        Path target = dir.resolve("big.bin");
        curl("-o", target.toString(), url("/big"));
        byte[] expected = new byte[BIG];
        new Random(BIG).nextBytes(expected);
        assertThat(Files.readAllBytes(target)).isEqualTo(expected);
    }
}
