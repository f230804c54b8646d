package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.internal.http1.SplitInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SpooledMultipartForm}: fields in memory, files in memory up to the threshold and in
 * temporary files above it, every temporary file gone when the form is closed or fails.
 */
class SpooledMultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=xyz";

    @TempDir
    Path temp;

    private MultipartLimits limits(long threshold) {
        return MultipartLimits.defaults().withMemoryThreshold(threshold).withTempDirectory(temp);
    }

    private static String field(String name, String value) {
        return "--xyz\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String file(String name, String filename, String content) {
        return "--xyz\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/x-test\r\n\r\n" + content + "\r\n";
    }

    private static InputStream body(String s) {
        return SplitInputStream.random(s.getBytes(StandardCharsets.UTF_8), 42, 3000);
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.toList();
        }
    }

    @Test
    void fieldsAndSmallFilesStayInMemory() throws IOException {
        String body = field("title", "Hello") + field("prénom", "Zoë") + file("doc", "a.txt", "small") + "--xyz--";
        try (SpooledMultipartForm form = SpooledMultipartForm.read(body(body), TYPE, limits(1024))) {
            assertThat(form.fieldCount()).isEqualTo(2);
            assertThat(form.get("title")).isEqualTo("Hello");
            assertThat(form.get("prénom")).isEqualTo("Zoë");
            assertThat(form.has("doc")).isFalse();
            assertThat(form.value("missing")).isNull();
            assertThat(form.fieldContentType(0).toString()).isEqualTo("text/plain");
            List<String> visited = new ArrayList<>();
            form.visitFields((k, v) -> visited.add(k + "=" + v));
            assertThat(visited).containsExactly("title=Hello", "prénom=Zoë");
            FormFile doc = form.file("doc");
            assertThat(form.fileCount()).isEqualTo(1);
            assertThat(doc.inMemory()).isTrue();
            assertThat(doc.content().toString()).isEqualTo("small");
            assertThat(doc.toString()).isEqualTo("doc: \"a.txt\" (application/x-test, 5 bytes)");
            assertThat(tempFiles()).isEmpty();
        }
    }

    @Test
    void aFileAboveTheThresholdGoesToATemporaryFileDeletedOnClose() throws IOException {
        String big = "0123456789".repeat(10_000);
        SpooledMultipartForm form = SpooledMultipartForm.read(body(file("doc", "../../big.bin", big) + "--xyz--"), TYPE, limits(1024));
        FormFile doc = form.file(0);
        assertThat(doc.inMemory()).isFalse();
        assertThat(doc.size()).isEqualTo(big.length());
        assertThat(doc.filename()).isEqualTo("../../big.bin");
        assertThatThrownBy(doc::content).isInstanceOf(UnsupportedOperationException.class);
        try (InputStream in = doc.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(big);
        }
        List<Path> files = tempFiles();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).startsWith("fasthttp-upload-").doesNotContain("big");
        form.close();
        assertThat(tempFiles()).isEmpty();
        assertThatThrownBy(doc::open).isInstanceOf(IllegalStateException.class);
        form.close();
    }

    @Test
    void theThresholdCountsAllFilesInMemoryAndFreesWhatASpilledFileHeld() throws IOException {
        String body = file("a", "a", "x".repeat(600)) + file("b", "b", "y".repeat(600)) + file("c", "c", "z".repeat(300)) + "--xyz--";
        try (SpooledMultipartForm form = SpooledMultipartForm.read(body(body), TYPE, limits(1000))) {
            assertThat(form.file("a").inMemory()).isTrue();
            assertThat(form.file("b").inMemory()).isFalse();
            assertThat(form.file("c").inMemory()).isTrue();
            assertThat(tempFiles()).hasSize(1);
        }
        try (SpooledMultipartForm form = SpooledMultipartForm.read(body(body), TYPE, limits(0))) {
            assertThat(form.file("a").inMemory()).isFalse();
            assertThat(tempFiles()).hasSize(3);
        }
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void saveToMovesATemporaryFileWhichIsThenTheCallers(@TempDir Path target) throws IOException {
        String big = "b".repeat(5000);
        Path moved = target.resolve("moved.bin");
        Path appended = target.resolve("appended.bin");
        Files.writeString(appended, "start:");
        try (SpooledMultipartForm form = SpooledMultipartForm.read(body(file("f", "f", big) + "--xyz--"), TYPE, limits(100))) {
            FormFile f = form.file("f");
            f.saveTo(appended, StandardOpenOption.APPEND);
            assertThat(tempFiles()).as("a copy leaves the temporary file").hasSize(1);
            f.saveTo(moved, StandardOpenOption.CREATE_NEW);
            assertThat(tempFiles()).as("a move takes it").isEmpty();
            assertThat(new String(f.open().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(big);
        }
        assertThat(Files.readString(moved)).isEqualTo(big);
        assertThat(Files.readString(appended)).isEqualTo("start:" + big);
    }

    @Test
    void aFormThatFailsMidwayDeletesWhatItWrote() {
        String spilled = file("a", "a", "x".repeat(5000));
        List<String> failing = List.of(
                spilled + file("b", "b", "y".repeat(5000)) + field("c", "cut short"),
                spilled + "--xyz\r\nContent-Disposition form-data\r\n\r\n1\r\n--xyz--",
                spilled + file("big", "big", "z".repeat(20_000)) + "--xyz--");
        for (String body : failing) {
            assertThatThrownBy(() -> SpooledMultipartForm.read(body(body), TYPE, limits(100).withMaxFileSize(10_000)))
                    .isInstanceOf(RequestRejectedException.class);
            assertThatTempIsEmpty();
        }
    }

    @Test
    void aBrokenConnectionMidwayDeletesWhatWasWritten() {
        byte[] body = (file("a", "a", "x".repeat(5000)) + file("b", "b", "y".repeat(5000)) + "--xyz--").getBytes(StandardCharsets.UTF_8);
        InputStream breaking = new InputStream() {
            private final InputStream in = SplitInputStream.random(body, 1, 1000);
            private int read;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 8000) {
                    throw new IOException("connection reset");
                }
                int n = in.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> SpooledMultipartForm.read(breaking, TYPE, limits(100))).isInstanceOf(IOException.class)
                .hasMessage("connection reset");
        assertThatTempIsEmpty();
    }

    @Test
    void sizeLimitsAre413() {
        String two = file("a", "a", "x".repeat(3000)) + file("b", "b", "y".repeat(3000)) + "--xyz--";
        assertThatThrownBy(() -> SpooledMultipartForm.read(body(two), TYPE, limits(100).withMaxFileSize(2999)))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo("a part's content is larger than the limit of 2999 bytes");
                });
        assertThatThrownBy(() -> SpooledMultipartForm.read(body(two), TYPE, limits(100).withMaxTotalSize(5999)))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> assertThat(e.status()).isEqualTo(413));
        String fields = field("a", "x".repeat(60)) + field("b", "y".repeat(60)) + "--xyz--";
        assertThatThrownBy(() -> SpooledMultipartForm.read(body(fields), TYPE, limits(100)))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("fields").contains("100 bytes");
                });
        assertThatTempIsEmpty();
    }

    @Test
    void aMissingTempDirectoryFailsTheFormCleanly() {
        MultipartLimits limits = limits(10).withTempDirectory(temp.resolve("missing"));
        assertThatThrownBy(() -> SpooledMultipartForm.read(body(file("a", "a", "x".repeat(100)) + "--xyz--"), TYPE, limits))
                .isInstanceOf(IOException.class);
    }

    @Test
    void settingsHaveDefaultsAndReachTheServerSettings() {
        MultipartLimits defaults = MultipartLimits.defaults();
        assertThat(defaults.maxFileSize()).isEqualTo(32L << 20);
        assertThat(defaults.maxTotalSize()).isEqualTo(64L << 20);
        assertThat(defaults.memoryThreshold()).isEqualTo(256 * 1024);
        assertThat(defaults.tempDirectory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        Server.Builder builder = Server.builder().handler(ctx -> { });
        assertThat(builder.build().settings().multipartLimits()).isEqualTo(defaults);
        ServerSettings set = builder.maxMultipartParts(5).maxMultipartPartHeaderSize(64).multipartLimits(limits(7)).build().settings();
        assertThat(set.multipartLimits()).isEqualTo(limits(7).withMaxParts(5).withMaxPartHeaderSize(64));
        assertThatThrownBy(() -> defaults.withMaxFileSize(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFileSize");
        assertThatThrownBy(() -> defaults.withMaxTotalSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMemoryThreshold(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.withMemoryThreshold(0).memoryThreshold()).isZero();
    }

    private void assertThatTempIsEmpty() {
        try {
            assertThat(tempFiles()).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
