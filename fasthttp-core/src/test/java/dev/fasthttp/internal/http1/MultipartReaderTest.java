package dev.fasthttp.internal.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.bytes.ByteView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reader against the buffered parser's tables: every row of
 * {@link MultipartParserTest#reads} and {@link MultipartParserTest#refuses} must come out the same
 * when the body arrives whole, one byte at a time, cut in two at every place, and in random small
 * reads. The rows are taken from that test's annotations, so that one table states the rules of
 * both readers.
 */
class MultipartReaderTest {

    private static final int NO_LIMIT = Integer.MAX_VALUE;

    static Stream<Arguments> rows() throws ReflectiveOperationException {
        List<Arguments> rows = new ArrayList<>();
        for (String test : List.of("reads", "refuses")) {
            Method m = MultipartParserTest.class.getDeclaredMethod(test, String.class, String.class, String.class, String.class);
            for (String line : m.getAnnotation(CsvSource.class).textBlock().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\\|", -1);
                assertThat(cells).as(line).hasSize(4);
                rows.add(Arguments.of(cells[0].trim(), cells[1].trim(), unquote(cells[2].trim()), cells[3].trim()));
            }
        }
        return rows.stream();
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }

    static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\0", "\0");
    }

    static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\0", "\\0");
    }

    /** Reads every part of {@code in} whole, as {@code MultipartParserTest.describe} writes them, or the refusal. */
    static String read(String type, InputStream in, int maxParts, int maxPartHeaderSize, long maxPartSize, long maxTotalSize) {
        byte[] t = type.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        try {
            MultipartReader reader = new MultipartReader(in, t, 0, t.length, maxParts, maxPartHeaderSize, maxPartSize, maxTotalSize);
            ByteView view = new ByteView();
            byte[] chunk = new byte[7];
            while (reader.next()) {
                MultipartParts part = reader.part();
                sb.append(sb.isEmpty() ? "" : " & ").append(part.name(0, view));
                if (part.isFile(0)) {
                    sb.append('[').append(part.filename(0, view)).append(']');
                }
                if (part.contentType(0, view) != null) {
                    sb.append('<').append(view).append('>');
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n; (n = reader.read(chunk, 0, chunk.length)) >= 0; ) {
                    content.write(chunk, 0, n);
                }
                sb.append('=').append(content.toString(StandardCharsets.UTF_8));
            }
        } catch (MultipartException e) {
            return e.status() + " " + e.error().name();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return sb.isEmpty() ? "(empty)" : escape(sb.toString());
    }

    private static String read(String type, InputStream in) {
        return read(type, in, 1000, 16 * 1024, NO_LIMIT, NO_LIMIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsAsTheBufferedParserDoesHoweverTheBodyIsCut(String name, String type, String body, String expected) {
        byte[] b = unescape(body).getBytes(StandardCharsets.UTF_8);
        assertThat(read(type, SplitInputStream.whole(b))).as("whole").isEqualTo(expected);
        assertThat(read(type, SplitInputStream.byteByByte(b))).as("byte by byte").isEqualTo(expected);
        for (int at = 1; at < b.length; at++) {
            assertThat(read(type, SplitInputStream.cutAt(b, at))).as("cut at %d", at).isEqualTo(expected);
        }
        for (int seed = 0; seed < 20; seed++) {
            assertThat(read(type, SplitInputStream.random(b, seed, 9))).as("random reads, seed %d", seed).isEqualTo(expected);
        }
    }

    /** Content longer than the buffer, full of near delimiters, arrives intact in any reads. */
    @Test
    void largeContentWithNearDelimitersStreamsIntact() {
        StringBuilder content = new StringBuilder();
        String[] near = {"\r\n--xy", "\r\n-", "\r\n--xyZ", "\r", "\n--xyz\r\n", "--xyz", "\r\r\n--xy\r\n"};
        for (int i = 0; content.length() < 100_000; i++) {
            content.append("filler ".repeat(1 + i % 50)).append(near[i % near.length]);
        }
        String body = "preamble\r\n--xyz\r\nContent-Disposition: form-data; name=\"big\"; filename=\"b.bin\"\r\n\r\n" + content
                + "\r\n--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xyz--\r\nepilogue";
        String expected = escape("big[b.bin]=" + content + " & a=1");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String type = "multipart/form-data; boundary=xyz";
        assertThat(read(type, SplitInputStream.whole(b))).isEqualTo(expected);
        assertThat(read(type, SplitInputStream.byteByByte(b))).isEqualTo(expected);
        for (int seed = 0; seed < 10; seed++) {
            assertThat(read(type, SplitInputStream.random(b, seed, 5000))).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} parts, limit {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0      | 1     | (empty)
            1      | 1     | 1 part
            2      | 1     | 413 TOO_MANY_PARTS
            1000   | 1000  | 1000 parts
            1001   | 1000  | 413 TOO_MANY_PARTS
            10000  | 1000  | 413 TOO_MANY_PARTS
            10000  | 10000 | 10000 parts
            """)
    void partLimit(int count, int limit, String expected) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append("--xyz\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\n").append(i % 10).append("\r\n");
        }
        byte[] b = body.append("--xyz--").toString().getBytes(StandardCharsets.UTF_8);
        String result = read("multipart/form-data; boundary=xyz", SplitInputStream.random(b, count, 100), limit, 16 * 1024, NO_LIMIT, NO_LIMIT);
        if (result.startsWith("f0=0")) {
            assertThat(result).endsWith("f" + (count - 1) + "=" + (count - 1) % 10);
            result = count + (count == 1 ? " part" : " parts");
        }
        assertThat(result).isEqualTo(expected);
    }

    /** As in the buffered parser; and the reader stops reading soon after the limit. */
    @ParameterizedTest(name = "headers of {0} bytes, limit {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            100   | 100   | a=1
            101   | 100   | 400 PART_HEADERS_TOO_LARGE
            40000 | 16384 | 400 PART_HEADERS_TOO_LARGE
            16384 | 16384 | a=1
            """)
    void partHeaderLimit(int size, int limit, String expected) {
        String disposition = "Content-Disposition: form-data; name=\"a\"\r\n";
        String headers = disposition + "X: " + "x".repeat(size - disposition.length() - 2 - 5) + "\r\n\r\n";
        byte[] b = ("--xyz\r\n" + headers + "1\r\n--xyz--").getBytes(StandardCharsets.UTF_8);
        assertThat(read("multipart/form-data; boundary=xyz", SplitInputStream.whole(b), 1000, limit, NO_LIMIT, NO_LIMIT)).isEqualTo(expected);
        assertThat(read("multipart/form-data; boundary=xyz", SplitInputStream.random(b, size, 300), 1000, limit, NO_LIMIT, NO_LIMIT))
                .isEqualTo(expected);
    }

    @Test
    void endlessPartHeadersStopAtTheLimitWithoutReadingOn() {
        for (String endless : List.of("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Endless: " + "x".repeat(1 << 20),
                "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n" + "X: y\r\n".repeat(100_000))) {
            SplitInputStream in = SplitInputStream.random(endless.getBytes(StandardCharsets.UTF_8), 1, 1000);
            assertThat(read("multipart/form-data; boundary=xyz", in)).isEqualTo("400 PART_HEADERS_TOO_LARGE");
            assertThat(in.position()).as("bytes read").isLessThan(16 * 1024 + 1000 + 100);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a part at its limit                  | 3 | 100 | a=123 & b=45
            a part over its limit                | 2 | 100 | 413 PART_TOO_LARGE
            all parts at their limit             | 3 | 5   | a=123 & b=45
            all parts over their limit           | 3 | 4   | 413 FORM_TOO_LARGE
            """)
    void sizeLimits(String name, long maxPartSize, long maxTotalSize, String expected) {
        byte[] b = ("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n123\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n45\r\n--xyz--").getBytes(StandardCharsets.UTF_8);
        for (Function<byte[], InputStream> cut : List.<Function<byte[], InputStream>>of(SplitInputStream::whole, SplitInputStream::byteByByte)) {
            assertThat(read("multipart/form-data; boundary=xyz", cut.apply(b), 1000, 16384, maxPartSize, maxTotalSize)).isEqualTo(expected);
        }
    }

    @Test
    void skippedPartsAreDrainedAndAFailureSticks() throws IOException {
        byte[] t = "multipart/form-data; boundary=xyz".getBytes(StandardCharsets.US_ASCII);
        byte[] b = ("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + "skipped ".repeat(10_000) + "\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2, and the body ends").getBytes(StandardCharsets.UTF_8);
        MultipartReader reader = new MultipartReader(SplitInputStream.random(b, 7, 3000), t, 0, t.length, 1000, 16384, NO_LIMIT, NO_LIMIT);
        assertThat(reader.next()).isTrue();
        assertThat(reader.part().nameString(0)).isEqualTo("a");
        assertThat(reader.next()).isTrue();
        assertThat(reader.part().nameString(0)).isEqualTo("b");
        byte[] chunk = new byte[10];
        MultipartException cut = org.junit.jupiter.api.Assertions.assertThrows(MultipartException.class, () -> {
            while (reader.read(chunk, 0, 10) >= 0) {
                continue; // what is surely content comes first; the fault shows at the end
            }
        });
        assertThat(cut.error()).isEqualTo(MultipartError.NOT_CLOSED);
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(MultipartException.class, reader::next)).isSameAs(cut);
    }
}
