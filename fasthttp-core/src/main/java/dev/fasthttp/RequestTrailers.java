package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.Ascii;
import java.util.Arrays;

/**
 * The trailer fields of a chunked request body (RFC 9112 7.1.2): fields the client sent after
 * the body, such as a checksum it computed while sending. Empty until the body has been read to
 * its end: at once for a buffered body, after {@link RequestCtx#requestBodyStream()} returned -1
 * for a streamed one.
 *
 * <p>The lines are read in place and split on first use, so a request without trailers costs
 * nothing. Fields that may not be trailers (framing, routing, authentication, ...) never get here:
 * the server refuses such a request with 400. A trailer is not a header: {@link Request#headers()}
 * does not show it. Views are valid until the handler returns.
 */
public final class RequestTrailers {

    private static final int FIELDS = 4; // name start, name end, value start, value end

    private byte[] buf;
    private int from;
    private int to;
    private boolean split;
    private int[] fields = new int[4 * FIELDS];
    private int count;
    private final ByteView name = new ByteView();
    private final ByteView value = new ByteView();

    RequestTrailers() {
    }

    void reset() {
        buf = null;
        from = to = 0;
        split = false;
        count = 0;
    }

    /** The trailer section is {@code buf[from, to)}: {@code Name: value CRLF} lines, checked by the decoder. */
    void set(byte[] buf, int from, int to) {
        this.buf = buf;
        this.from = from;
        this.to = to;
        this.split = false;
    }

    public int size() {
        splitLines();
        return count;
    }

    public ByteView name(int i) {
        splitLines();
        return name.set(buf, fields[i * FIELDS], fields[i * FIELDS + 1] - fields[i * FIELDS]);
    }

    public ByteView value(int i) {
        splitLines();
        return value.set(buf, fields[i * FIELDS + 2], fields[i * FIELDS + 3] - fields[i * FIELDS + 2]);
    }

    /** The value of the first trailer called {@code name} (case-insensitive), or null. */
    public ByteView peek(String fieldName) {
        splitLines();
        for (int i = 0; i < count; i++) {
            int start = fields[i * FIELDS];
            if (Ascii.equalsIgnoreCase(buf, start, fields[i * FIELDS + 1] - start, fieldName)) {
                return value(i);
            }
        }
        return null;
    }

    /** As {@link #peek}, as a String (allocates). */
    public String get(String fieldName) {
        ByteView v = peek(fieldName);
        return v == null ? null : v.toString();
    }

    public void visitAll(KeyValueVisitor visitor) {
        for (int i = 0; i < size(); i++) {
            visitor.visit(name(i), value(i));
        }
    }

    private void splitLines() {
        if (split) {
            return;
        }
        split = true;
        count = 0;
        int p = from;
        while (p < to) {
            int colon = p;
            while (buf[colon] != ':') {
                colon++;
            }
            int lineEnd = colon;
            while (buf[lineEnd] != '\r') {
                lineEnd++;
            }
            int valueStart = colon + 1;
            while (valueStart < lineEnd && Ascii.isWhitespace(buf[valueStart])) {
                valueStart++;
            }
            int valueEnd = lineEnd;
            while (valueEnd > valueStart && Ascii.isWhitespace(buf[valueEnd - 1])) {
                valueEnd--;
            }
            if ((count + 1) * FIELDS > fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            int f = count++ * FIELDS;
            fields[f] = p;
            fields[f + 1] = colon;
            fields[f + 2] = valueStart;
            fields[f + 3] = valueEnd;
            p = lineEnd + 2;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            sb.append(name(i)).append(": ").append(value(i)).append('\n');
        }
        return sb.toString();
    }
}
