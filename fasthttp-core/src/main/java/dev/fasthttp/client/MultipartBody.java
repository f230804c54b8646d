package dev.fasthttp.client;

import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HeaderBlock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} request body (RFC 7578): fields and files, sent with {@link
 * ClientRequest#setBody(MultipartBody)}.
 *
 * <pre>{@code
 * MultipartBody form = MultipartBody.builder()
 *         .field("title", "Quarterly report")
 *         .file("report", Path.of("q3.pdf"))                          // read as it is sent
 *         .file("notes", "notes.txt", "text/plain", "...".getBytes())
 *         .build();
 * req.setMethod("POST").setRequestUri("/upload").setBody(form);
 * }</pre>
 *
 * <p>Files from a {@link Path} or an {@link InputStream} are never copied whole: the body is sent
 * as a stream that reads each file when it gets there, with a Content-Length when every size is
 * known (a path's is taken when it is added), chunked otherwise. A form of fields and byte arrays
 * only is small enough to be copied into the request.
 *
 * <p>Names and filenames are written as RFC 7578 and browsers write them, and as this project's
 * server and Go's reader read them back: in quotes, with {@code "} and {@code \} escaped by a
 * backslash (as Go's {@code mime/multipart} writes them), CR and LF as {@code %0D} and {@code %0A}
 * (they cannot be in a header; as HTML's form encoding does), other text, non-ASCII included, as
 * UTF-8. A filename that is not plain ASCII is also sent as {@code filename*=UTF-8''...} (RFC 8187
 * percent-encoding), which readers of RFC 6266 prefer, and which carries it exactly.
 *
 * <p>The boundary is 32 random letters and digits, from a {@link SecureRandom}: content cannot be
 * made to contain it by guessing.
 */
public final class MultipartBody {

    private static final String DEFAULT_FILE_TYPE = "application/octet-stream";
    private static final char[] BOUNDARY_CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final String boundary;
    /** Part heads (with the delimiter before them), contents, and the close delimiter, in wire order. */
    private final List<MultipartStream.Segment> segments;
    private final boolean streamed;
    private final boolean reopenable;
    private final long contentLength;
    private boolean opened;

    private MultipartBody(String boundary, List<MultipartStream.Segment> segments) {
        this.boundary = boundary;
        this.segments = List.copyOf(segments);
        boolean streamed = false;
        boolean reopenable = true;
        long length = 0;
        for (MultipartStream.Segment s : segments) {
            streamed |= !(s instanceof MultipartStream.Bytes);
            reopenable &= !(s instanceof MultipartStream.Stream);
            length = length < 0 || s.size() < 0 ? -1 : length + s.size();
        }
        this.streamed = streamed;
        this.reopenable = reopenable;
        this.contentLength = length;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String boundary() {
        return boundary;
    }

    /** {@code multipart/form-data; boundary=...}: the request's Content-Type. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The length of the whole body, or -1 if a file's size is not known (it is then sent chunked). */
    public long contentLength() {
        return contentLength;
    }

    /** Whether the body is sent as a stream: it has files from paths or streams. */
    public boolean isStreamed() {
        return streamed;
    }

    /**
     * The body as a stream, which opens each file when it gets there and closes it when past it;
     * closing the stream closes every file and stream of the form it has not finished. A form with
     * an {@link InputStream} file can be opened once; one without, any number of times.
     *
     * @throws IllegalStateException if the form has a stream file and was opened before
     */
    public synchronized InputStream openStream() {
        if (opened && !reopenable) {
            throw new IllegalStateException("this form has a file from an InputStream, which can be sent once");
        }
        opened = true;
        return new MultipartStream(segments);
    }

    /** Appends the whole body; only for a form whose parts are all in memory. */
    void writeTo(ByteBuf out) {
        for (MultipartStream.Segment s : segments) {
            byte[] b = ((MultipartStream.Bytes) s).bytes();
            out.append(b, 0, b.length);
        }
    }

    /** Builds a {@link MultipartBody}; parts keep the order they are added in. */
    public static final class Builder {

        private final List<Part> parts = new ArrayList<>();
        private String boundary;

        private record Part(String name, String filename, String contentType, MultipartStream.Segment content) {
        }

        private Builder() {
        }

        /**
         * The boundary, instead of a random one: 1 to 70 letters, digits and {@code '()+_,-./:=?}
         * (RFC 2046 5.1.1, spaces left out), which must not occur in any part.
         */
        public Builder boundary(String boundary) {
            Objects.requireNonNull(boundary, "boundary");
            if (boundary.isEmpty() || boundary.length() > 70) {
                throw new IllegalArgumentException("a boundary has 1 to 70 characters: " + boundary);
            }
            for (int i = 0; i < boundary.length(); i++) {
                char c = boundary.charAt(i);
                if (!(c < 0x80 && Character.isLetterOrDigit(c)) && "'()+_,-./:=?".indexOf(c) < 0) {
                    throw new IllegalArgumentException("invalid character in boundary: " + boundary);
                }
            }
            this.boundary = boundary;
            return this;
        }

        /** A field: {@code value} as UTF-8, with no Content-Type (text/plain, RFC 7578 4.4). */
        public Builder field(String name, String value) {
            Objects.requireNonNull(value, "value");
            parts.add(new Part(checkName(name), null, null, new MultipartStream.Bytes(value.getBytes(StandardCharsets.UTF_8))));
            return this;
        }

        /** A file from memory. */
        public Builder file(String name, String filename, String contentType, byte[] content) {
            Objects.requireNonNull(content, "content");
            parts.add(new Part(checkName(name), checkFilename(filename), checkType(contentType), new MultipartStream.Bytes(content.clone())));
            return this;
        }

        /** A file read from {@code path} as it is sent, named by its file name, as application/octet-stream. */
        public Builder file(String name, Path path) throws IOException {
            Path fileName = path.getFileName();
            return file(name, fileName == null ? "" : fileName.toString(), DEFAULT_FILE_TYPE, path);
        }

        /**
         * A file read from {@code path} as it is sent. Its size is taken now, for the
         * Content-Length: a file that is shorter when sent fails the call, bytes it has grown by
         * are not sent.
         *
         * @throws IOException if it is not a readable regular file
         */
        public Builder file(String name, String filename, String contentType, Path path) throws IOException {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IOException("not a readable file: " + path);
            }
            long size = Files.size(path);
            parts.add(new Part(checkName(name), checkFilename(filename), checkType(contentType), new MultipartStream.File(path, size)));
            return this;
        }

        /**
         * A file read from {@code content} as it is sent, then closed: {@code size} bytes (a stream
         * that ends sooner fails the call), or up to its end if {@code size} is -1, which sends the
         * whole body chunked.
         */
        public Builder file(String name, String filename, String contentType, InputStream content, long size) {
            Objects.requireNonNull(content, "content");
            if (size < -1) {
                throw new IllegalArgumentException("size must be -1 (unknown) or more: " + size);
            }
            parts.add(new Part(checkName(name), checkFilename(filename), checkType(contentType), new MultipartStream.Stream(content, size)));
            return this;
        }

        public MultipartBody build() {
            String b = boundary != null ? boundary : randomBoundary();
            List<MultipartStream.Segment> segments = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                segments.add(new MultipartStream.Bytes(partHead(b, i == 0, p)));
                segments.add(p.content());
            }
            String close = (parts.isEmpty() ? "--" : "\r\n--") + b + "--\r\n";
            segments.add(new MultipartStream.Bytes(close.getBytes(StandardCharsets.US_ASCII)));
            return new MultipartBody(b, segments);
        }

        private static String checkName(String name) {
            return Objects.requireNonNull(name, "name");
        }

        private static String checkFilename(String filename) {
            return Objects.requireNonNull(filename, "filename");
        }

        private static String checkType(String contentType) {
            if (contentType == null) {
                return DEFAULT_FILE_TYPE;
            }
            HeaderBlock.checkValue(contentType);
            return contentType;
        }
    }

    private static String randomBoundary() {
        char[] c = new char[32];
        for (int i = 0; i < c.length; i++) {
            c[i] = BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)];
        }
        return new String(c);
    }

    /** The delimiter before a part, its header lines and the empty line after them. */
    private static byte[] partHead(String boundary, boolean first, Builder.Part p) {
        ByteBuf out = new ByteBuf(128);
        out.appendLatin1(first ? "--" : "\r\n--").appendLatin1(boundary).appendLatin1("\r\n");
        out.appendLatin1("Content-Disposition: form-data; name=\"");
        appendQuoted(out, p.name());
        out.append((byte) '"');
        if (p.filename() != null) {
            out.appendLatin1("; filename=\"");
            appendQuoted(out, p.filename());
            out.append((byte) '"');
            if (!plainAscii(p.filename())) {
                out.appendLatin1("; filename*=UTF-8''");
                appendExtValue(out, p.filename());
            }
        }
        out.appendLatin1("\r\n");
        if (p.contentType() != null) {
            out.appendLatin1("Content-Type: ").appendLatin1(p.contentType()).appendLatin1("\r\n");
        }
        out.appendLatin1("\r\n");
        return out.toByteArray();
    }

    /**
     * The inside of a quoted-string: {@code "} and {@code \} as quoted pairs, controls (CR and LF
     * above all, which would end the header line) percent-encoded, the rest as UTF-8.
     */
    static void appendQuoted(ByteBuf out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            if (b == '"' || b == '\\') {
                out.append((byte) '\\').append(b);
            } else if (b >= 0 && b < 0x20 && b != '\t' || b == 0x7F) {
                percent(out, b);
            } else {
                out.append(b);
            }
        }
    }

    /** Whether {@code s} goes into a quoted-string as it is: printable ASCII only. */
    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** RFC 8187 value-chars: attr-chars as they are, every other byte of the UTF-8 percent-encoded. */
    static void appendExtValue(ByteBuf out, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            boolean attrChar = b > 0x20 && b < 0x7F && (Character.isLetterOrDigit(b) || "!#$&+-.^_`|~".indexOf(b) >= 0);
            if (attrChar) {
                out.append(b);
            } else {
                percent(out, b);
            }
        }
    }

    private static void percent(ByteBuf out, byte b) {
        out.append((byte) '%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
