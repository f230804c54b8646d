package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.http1.MultipartException;
import dev.fasthttp.internal.http1.MultipartParts;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One part of a {@link MultipartStream}: its name, filename, content type and headers, and its
 * content as a stream read from the request body as it arrives. Valid until the stream's next
 * {@link MultipartStream#next()}; after it every method throws {@link IllegalStateException}.
 *
 * <p><b>{@link #filename()} is a string from the client, never a path</b>: see {@link FormFile}.
 */
public final class MultipartPart {

    private final MultipartStream stream;
    private final int generation;
    private InputStream content;

    MultipartPart(MultipartStream stream, int generation) {
        this.stream = stream;
        this.generation = generation;
    }

    /** The name of the form field, from Content-Disposition, as UTF-8. */
    public String name() {
        return parts().nameString(0);
    }

    /** True if the part came with a {@code filename} (or {@code filename*}), even an empty one. */
    public boolean isFile() {
        return parts().isFile(0);
    }

    /**
     * The filename as the client sent it, decoded from {@code filename*} (RFC 8187) when that came;
     * null for a field. Not a path.
     */
    public String filename() {
        return parts().filenameString(0);
    }

    /**
     * The Content-Type as sent, else the default of RFC 7578 4.4: {@code application/octet-stream}
     * for a file, {@code text/plain} for a field.
     */
    public String contentType() {
        String type = parts().contentTypeString(0);
        return type != null ? type : isFile() ? "application/octet-stream" : "text/plain";
    }

    /** The value of the part's first header named {@code name} (any case), trimmed; null if it has none. */
    public String header(String name) {
        String[] found = new String[1];
        visitHeaders((k, v) -> {
            if (found[0] == null && k.equalsIgnoreCase(name)) {
                found[0] = v.toString();
            }
        });
        return found[0];
    }

    /** Visits the part's headers in the order sent, values trimmed; the views are valid during the call only. */
    public void visitHeaders(KeyValueVisitor visitor) {
        byte[] b = stream.reader(generation).headerSection();
        int end = stream.reader(generation).headerSectionLength() - 2; // the empty line
        ByteView key = new ByteView();
        ByteView value = new ByteView();
        for (int p = 0, e; p < end; p = e + 2) {
            e = indexOfCr(b, p, end);
            int colon = p;
            while (b[colon] != ':') {
                colon++;
            }
            int v = colon + 1;
            int w = e;
            while (v < w && Ascii.isWhitespace(b[v])) {
                v++;
            }
            while (w > v && Ascii.isWhitespace(b[w - 1])) {
                w--;
            }
            visitor.visit(key.set(b, p, colon - p), value.set(b, v, w - v));
        }
    }

    /**
     * The content, read from the request body as it arrives: the same stream on every call. It
     * ends where the part ends; reading it throws {@link RequestRejectedException} when the body
     * turns out to be refused (cut short, a part or the form over its limit). Closing it does
     * nothing: {@link MultipartStream#next()} skips what is left.
     */
    public InputStream content() {
        stream.reader(generation);
        if (content == null) {
            content = new Content();
        }
        return content;
    }

    /** Name, filename and type, for debugging. Allocates. */
    @Override
    public String toString() {
        return name() + (isFile() ? ": \"" + filename() + "\"" : "") + " (" + contentType() + ")";
    }

    private MultipartParts parts() {
        return stream.reader(generation).part();
    }

    private static int indexOfCr(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] != '\r') {
            i++;
        }
        return i;
    }

    /** The part's content; fails once the stream has moved on. */
    private final class Content extends InputStream {

        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            try {
                return stream.reader(generation).read(b, off, len);
            } catch (MultipartException e) {
                throw MultipartStream.rejection(e);
            }
        }
    }
}
