package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.internal.http1.SplitInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link MultipartStream} as a handler uses it: parts one by one, content as streams, rejections
 * with the status the client gets. The rules themselves are {@code MultipartReaderTest}'s table.
 */
class MultipartStreamTest {

    private static final String TYPE = "multipart/form-data; boundary=xyz";

    private static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void partsComeOneByOneWithTheirHeadersAndContent() throws IOException {
        String body = "preamble\r\n--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"doc\"; filename*=UTF-8''%E2%82%AC.txt\r\n"
                + "Content-Type: text/plain\r\nX-Note:  kept  \r\n\r\nfile body\r\n--xyz--\r\nepilogue";
        MultipartStream parts = new MultipartStream(SplitInputStream.byteByByte(body.getBytes(StandardCharsets.UTF_8)), TYPE);
        MultipartPart title = parts.next();
        assertThat(title.name()).isEqualTo("title");
        assertThat(title.isFile()).isFalse();
        assertThat(title.filename()).isNull();
        assertThat(title.contentType()).isEqualTo("text/plain");
        assertThat(new String(title.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("Hello");
        MultipartPart doc = parts.next();
        assertThat(doc.toString()).isEqualTo("doc: \"€.txt\" (text/plain)");
        assertThat(doc.header("x-note")).isEqualTo("kept");
        assertThat(doc.header("Content-Disposition")).isEqualTo("form-data; name=\"doc\"; filename*=UTF-8''%E2%82%AC.txt");
        assertThat(doc.header("X-Missing")).isNull();
        List<String> names = new ArrayList<>();
        doc.visitHeaders((k, v) -> names.add(k.toString()));
        assertThat(names).containsExactly("Content-Disposition", "Content-Type", "X-Note");
        assertThat(doc.content().read()).isEqualTo('f');
        assertThat(new String(doc.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ile body");
        assertThat(doc.content().read()).isEqualTo(-1);
        assertThat(parts.next()).isNull();
        assertThat(parts.next()).isNull();
        assertThatThrownBy(doc::name).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void skippingAPartDrainsItAndAStalePartCannotBeRead() throws IOException {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"big\"; filename=\"b\"\r\n\r\n" + "x".repeat(200_000)
                + "\r\n--xyz\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\n2\r\n--xyz--";
        MultipartStream parts = new MultipartStream(body(body), TYPE);
        MultipartPart big = parts.next();
        InputStream bigContent = big.content();
        assertThat(bigContent.read(new byte[10])).isEqualTo(10);
        MultipartPart after = parts.next();
        assertThat(after.name()).isEqualTo("after");
        assertThatThrownBy(() -> bigContent.read(new byte[10])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(big::content).isInstanceOf(IllegalStateException.class);
        assertThat(after.content().readAllBytes()).containsExactly('2');
    }

    /** The filename is data: whatever it says, nothing is opened or created by it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ../../etc/passwd
            /etc/passwd
            C:\\Windows\\win.ini
            ..
            a/../../b
            """)
    void aFilenameIsNeverAPath(String filename) throws IOException {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"" + filename + "\"\r\n\r\nx\r\n--xyz--";
        MultipartStream parts = new MultipartStream(body(body), TYPE);
        MultipartPart part = parts.next();
        assertThat(part.filename()).isEqualTo(filename);
        assertThat(part.content().readAllBytes()).containsExactly('x');
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no Content-Type                  | -                                     | --xyz--                                                                      | 415
            another media type               | text/plain                            | --xyz--                                                                      | 415
            missing boundary                 | multipart/form-data                   | --xyz--                                                                      | 400
            a boundary with a bad character  | multipart/form-data; boundary=a!b     | --a!b--                                                                      | 400
            missing close delimiter          | multipart/form-data; boundary=xyz     | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1             | 400
            malformed part header            | multipart/form-data; boundary=xyz     | --xyz\\r\\nContent-Disposition form-data\\r\\n\\r\\n1\\r\\n--xyz--          | 400
            a part over maxFileSize          | multipart/form-data; boundary=xyz     | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n12345\\r\\n--xyz-- | 413
            """)
    void refusals(String name, String type, String body, int status) {
        MultipartLimits limits = MultipartLimits.defaults().withMaxFileSize(4);
        String b = body.replace("\\r", "\r").replace("\\n", "\n");
        assertThatThrownBy(() -> {
            MultipartStream parts = new MultipartStream(body(b), type.equals("-") ? null : type, limits);
            for (MultipartPart part; (part = parts.next()) != null; ) {
                part.content().readAllBytes();
            }
        }).isInstanceOfSatisfying(RequestRejectedException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void tenThousandTinyPartsAreRefusedAtTheDefaultLimit() {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\n1\r\n".repeat(10_000) + "--xyz--";
        assertThatThrownBy(() -> {
            MultipartStream parts = new MultipartStream(body(body), TYPE);
            while (parts.next() != null) {
                continue;
            }
        }).isInstanceOfSatisfying(RequestRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.getMessage()).isEqualTo("the form has more parts than the limit of 1000");
        });
    }

    /**
     * A 64 MiB part streams through: the reader allocates its buffer and a few objects, never the
     * part. A small body goes first, so that class loading and first calls are not counted.
     */
    @Test
    void a64MiBPartStreamsInBoundedMemory() throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(streamOnePart(threads, 1 << 20)).isPositive();
        long allocated = streamOnePart(threads, 64L << 20);
        assertThat(allocated).as("bytes allocated reading a 64 MiB part").isLessThan(64 * 1024);
    }

    private static long streamOnePart(com.sun.management.ThreadMXBean threads, long size) throws IOException {
        byte[] chunk = new byte[8192];
        long before = threads.getCurrentThreadAllocatedBytes();
        InputStream in = new GeneratedBody("--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n",
                size, "\r\n--xyz--\r\n");
        MultipartStream parts = new MultipartStream(in, TYPE, MultipartLimits.defaults().withMaxFileSize(size).withMaxTotalSize(size));
        MultipartPart part = parts.next();
        InputStream content = part.content();
        long read = 0;
        for (int n; (n = content.read(chunk)) >= 0; ) {
            read += n;
        }
        assertThat(parts.next()).isNull();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(read).isEqualTo(size);
        return allocated;
    }

    /** A body made as it is read: a head, {@code size} bytes of content with near-delimiters in it, a tail. */
    static final class GeneratedBody extends InputStream {

        private static final byte[] PATTERN = "0123456789abcdef\r\n--xy\r\n-".repeat(200).getBytes(StandardCharsets.US_ASCII);
        private final byte[] head;
        private final byte[] tail;
        private final long size;
        private long pos;

        GeneratedBody(String head, long size, String tail) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
            this.size = size;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = head.length + size + tail.length;
            if (pos == total) {
                return -1;
            }
            int n;
            if (pos < head.length) {
                n = Math.min(len, head.length - (int) pos);
                System.arraycopy(head, (int) pos, b, off, n);
            } else if (pos < head.length + size) {
                long c = pos - head.length;
                int at = (int) (c % PATTERN.length);
                n = (int) Math.min(Math.min(len, PATTERN.length - at), size - c);
                System.arraycopy(PATTERN, at, b, off, n);
            } else {
                int t = (int) (pos - head.length - size);
                n = Math.min(len, tail.length - t);
                System.arraycopy(tail, t, b, off, n);
            }
            pos += n;
            return n;
        }
    }
}
