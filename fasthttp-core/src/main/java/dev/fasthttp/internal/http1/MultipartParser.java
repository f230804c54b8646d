package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;
import java.util.Arrays;

/**
 * Splits a buffered {@code multipart/form-data} body (RFC 7578, delimiters per RFC 2046 5.1.1)
 * into parts, in place: it records positions in a {@link MultipartParts} and copies nothing but
 * the few names it must decode. Reused; once its tables have grown, a parse allocates nothing.
 *
 * <pre>
 *   Content-Type: multipart/form-data; boundary=B        (token or quoted-string, 1..70 bchars)
 *
 *   preamble, ignored CRLF                               (or none: the body may start with --B)
 *   --B [spaces or tabs] CRLF                            a delimiter line; a part follows
 *   Content-Disposition: form-data; name="a" CRLF        part headers, at most maxPartHeaderSize
 *   CRLF                                                 bytes up to and with this empty line
 *   content, any bytes
 *   CRLF --B [spaces or tabs] CRLF                       the CRLF belongs to the delimiter
 *   ...
 *   CRLF --B--                                           the close delimiter
 *   epilogue, ignored
 * </pre>
 *
 * <h2>One reading only</h2>
 * A WAF or proxy in front of the server parses the same body, and a body two parsers split
 * differently smuggles a field past one of them. So every line that starts with {@code --B}
 * must be a delimiter line, and it must follow a CRLF: a {@code --B} followed by anything but
 * {@code --} or optional padding and CRLF is refused, as is a {@code --B} that opens a part's
 * content (the CRLF before it ended the headers and cannot also start the delimiter). Bare LF
 * is not a line end: RFC 2046 and RFC 7578 frame parts with CRLF only, and RFC 9112's leave to
 * accept a lone LF covers the message head, not the content. A delimiter line ending in LF is
 * refused, and {@code LF--B} inside content is content. Every sender that follows the RFCs
 * (browsers, curl, the HTTP clients of the JDK, Go, Python) writes CRLF.
 *
 * <p>Part headers other than Content-Disposition and Content-Type are checked for form and
 * skipped. Content-Transfer-Encoding among them: RFC 7578 4.7 forbids senders to use it and
 * knows of none that do, so content is always the bytes as sent (as Tomcat's and Spring's
 * parsers hand it over), even under the quoted-printable of RFC 7578's own examples.
 */
public final class MultipartParser {

    private static final int MAX_BOUNDARY = 70;
    /** What {@link #afterDelimiter} returns for the close delimiter. */
    private static final int CLOSED = Integer.MAX_VALUE;

    /** RFC 2046 5.1.1 bchars. */
    private static final boolean[] BCHAR = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) BCHAR[c] = true;
        for (int c = 'a'; c <= 'z'; c++) BCHAR[c] = true;
        for (int c = 'A'; c <= 'Z'; c++) BCHAR[c] = true;
        for (char c : "'()+_,-./:=? ".toCharArray()) BCHAR[c] = true;
    }

    /** CRLF "--" boundary: what ends a part's content. */
    private final byte[] delimiter = new byte[4 + MAX_BOUNDARY];
    private int delimiterLength;
    private final HeaderParams params = new HeaderParams();
    private MultipartError error;

    public MultipartParser() {
        delimiter[0] = '\r';
        delimiter[1] = '\n';
        delimiter[2] = '-';
        delimiter[3] = '-';
    }

    /** True if the Content-Type value {@code b[from, to)} names multipart/form-data, whatever its parameters. */
    public static boolean isFormData(byte[] b, int from, int to) {
        return mediaTypeEnd(b, from, to) >= 0;
    }

    /**
     * Parses {@code body[from, to)}, sent with the Content-Type value {@code type[typeFrom, typeTo)},
     * into {@code out}.
     *
     * @return null when the whole body was read, else why it is refused ({@code out} then holds
     *         the parts before the fault)
     */
    public MultipartError parse(byte[] type, int typeFrom, int typeTo, byte[] body, int from, int to,
                                int maxParts, int maxPartHeaderSize, MultipartParts out) {
        out.start(body);
        error = null;
        MultipartError result = readBoundary(type, typeFrom, typeTo)
                ? readParts(body, from, to, maxParts, maxPartHeaderSize, out) : error;
        params.reset(null, 0, 0); // a parser kept with a pooled ctx must not hold on to the request's bytes
        return result;
    }

    private MultipartError readParts(byte[] body, int from, int to, int maxParts, int maxPartHeaderSize, MultipartParts out) {
        int next;
        if (startsWithDashBoundary(body, from, to)) {
            next = afterDelimiter(body, from + delimiterLength - 2, to);
        } else {
            int d = indexOfDelimiter(body, from, to);
            next = d < 0 ? fail(MultipartError.NO_DELIMITER) : afterDelimiter(body, d + delimiterLength, to);
        }
        while (next >= 0 && next != CLOSED) {
            if (out.count() == maxParts) {
                return MultipartError.TOO_MANY_PARTS;
            }
            int part = out.add();
            int contentStart = readHeaders(body, next, to, maxPartHeaderSize, out, part);
            if (contentStart < 0) {
                break;
            }
            if (startsWithDashBoundary(body, contentStart, to)) {
                return MultipartError.DELIMITER_WITHOUT_CRLF;
            }
            int d = indexOfDelimiter(body, contentStart, to);
            if (d < 0) {
                return MultipartError.NOT_CLOSED;
            }
            out.setContent(part, contentStart, d);
            next = afterDelimiter(body, d + delimiterLength, to);
        }
        return error;
    }

    /** Where the parameters of a multipart/form-data Content-Type value begin, or -1 for another type. */
    private static int mediaTypeEnd(byte[] b, int from, int to) {
        int p = from;
        while (p < to && Ascii.isWhitespace(b[p])) {
            p++;
        }
        int typeEnd = p;
        while (typeEnd < to && (Ascii.isToken(b[typeEnd]) || b[typeEnd] == '/')) {
            typeEnd++;
        }
        return Ascii.equalsIgnoreCase(b, p, typeEnd - p, "multipart/form-data") ? typeEnd : -1;
    }

    /** Finds the boundary parameter and makes the delimiter of it; false with {@link #error} set if there is none. */
    private boolean readBoundary(byte[] type, int from, int to) {
        int paramsStart = mediaTypeEnd(type, from, to);
        if (paramsStart < 0) {
            return failed(MultipartError.NOT_FORM_DATA);
        }
        params.reset(type, paramsStart, to);
        int start = -1;
        int end = -1;
        int r;
        while ((r = params.next()) > 0) {
            if (params.nameIs("boundary")) {
                if (start >= 0) {
                    return failed(MultipartError.BAD_CONTENT_TYPE);
                }
                start = params.valueStart;
                end = params.valueEnd;
            }
        }
        if (r < 0) {
            return failed(MultipartError.BAD_CONTENT_TYPE);
        }
        if (start < 0) {
            return failed(MultipartError.NO_BOUNDARY);
        }
        int length = end - start;
        if (length < 1 || length > MAX_BOUNDARY || type[end - 1] == ' ') {
            return failed(MultipartError.BAD_BOUNDARY);
        }
        for (int i = start; i < end; i++) {
            if (!BCHAR[type[i] & 0xFF]) {
                return failed(MultipartError.BAD_BOUNDARY); // a backslash escape included: '\' is no bchar
            }
        }
        System.arraycopy(type, start, delimiter, 4, length);
        delimiterLength = 4 + length;
        return true;
    }

    /**
     * Reads a part's header lines from {@code p} up to the empty line that ends them, recording
     * its Content-Disposition and Content-Type.
     *
     * @return where the part's content starts, or -1 with {@link #error} set
     */
    private int readHeaders(byte[] b, int p, int to, int maxHeaderSize, MultipartParts out, int part) {
        boolean limitInBody = (long) p + maxHeaderSize <= to;
        int limit = limitInBody ? p + maxHeaderSize : to; // bytes from here on are over the limit, or not there
        int dispositionStart = -1;
        int dispositionEnd = -1;
        int typeStart = -1;
        while (true) {
            if (p + 1 < to && b[p] == '\r' && b[p + 1] == '\n') {
                if (p + 2 > limit) {
                    return fail(MultipartError.PART_HEADERS_TOO_LARGE);
                }
                p += 2;
                break;
            }
            if (startsWithDashBoundary(b, p, to)) {
                return fail(MultipartError.HEADERS_NOT_ENDED);
            }
            int e = Ascii.indexOfControl(b, p, limit);
            while (e < limit && b[e] == '\t') {
                e = Ascii.indexOfControl(b, e + 1, limit);
            }
            if (e == limit) {
                return fail(limitInBody ? MultipartError.PART_HEADERS_TOO_LARGE : MultipartError.NOT_CLOSED);
            }
            if (b[e] != '\r' || e + 1 == to || b[e + 1] != '\n') {
                return fail(b[e] == '\r' && e + 1 == to ? MultipartError.NOT_CLOSED : MultipartError.BAD_PART_HEADER);
            }
            if (e + 2 > limit) {
                return fail(MultipartError.PART_HEADERS_TOO_LARGE);
            }
            int colon = p;
            while (colon < e && Ascii.isToken(b[colon])) {
                colon++;
            }
            if (colon == p || colon == e || b[colon] != ':') {
                return fail(MultipartError.BAD_PART_HEADER); // folding, no name, or a space before the colon
            }
            int valueStart = colon + 1;
            int valueEnd = e;
            while (valueStart < valueEnd && Ascii.isWhitespace(b[valueStart])) {
                valueStart++;
            }
            while (valueEnd > valueStart && Ascii.isWhitespace(b[valueEnd - 1])) {
                valueEnd--;
            }
            int nameLength = colon - p;
            if (Ascii.equalsIgnoreCase(b, p, nameLength, "Content-Disposition")) {
                if (dispositionStart >= 0) {
                    return fail(MultipartError.REPEATED_PART_HEADER);
                }
                dispositionStart = valueStart;
                dispositionEnd = valueEnd;
            } else if (Ascii.equalsIgnoreCase(b, p, nameLength, "Content-Type")) {
                if (typeStart >= 0) {
                    return fail(MultipartError.REPEATED_PART_HEADER);
                }
                typeStart = valueStart;
                out.setContentType(part, valueStart, valueEnd);
            }
            p = e + 2;
        }
        if (dispositionStart < 0) {
            return fail(MultipartError.NO_DISPOSITION);
        }
        MultipartError e = FormDataDisposition.read(b, dispositionStart, dispositionEnd, params, out, part);
        return e == null ? p : fail(e);
    }

    /**
     * Reads what follows {@code --B} at {@code p}: {@code --} (the close delimiter; the epilogue
     * after it is ignored), or optional spaces and tabs and CRLF.
     *
     * @return where the next part's headers start, {@link #CLOSED}, or -1 with {@link #error} set
     */
    private int afterDelimiter(byte[] b, int p, int to) {
        if (p + 1 < to && b[p] == '-' && b[p + 1] == '-') {
            return CLOSED;
        }
        int q = p;
        while (q < to && Ascii.isWhitespace(b[q])) {
            q++;
        }
        if (q + 1 < to && b[q] == '\r' && b[q + 1] == '\n') {
            return q + 2;
        }
        boolean cutShort = q == to || (q + 1 == to && (b[q] == '\r' || (q == p && b[q] == '-')));
        return fail(cutShort ? MultipartError.NOT_CLOSED : MultipartError.BAD_DELIMITER);
    }

    /** True if {@code b[p, to)} starts with {@code --B}. */
    private boolean startsWithDashBoundary(byte[] b, int p, int to) {
        int n = delimiterLength - 2;
        return to - p >= n && Arrays.equals(b, p, p + n, delimiter, 2, delimiterLength);
    }

    /** Where the next {@code CRLF--B} in {@code b[from, to)} starts, or -1. */
    private int indexOfDelimiter(byte[] b, int from, int to) {
        int n = delimiterLength;
        int last = to - n;
        for (int i = from; i <= last; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '-' && b[i + 3] == '-'
                    && Arrays.equals(b, i + 4, i + n, delimiter, 4, n)) {
                return i;
            }
        }
        return -1;
    }

    private int fail(MultipartError e) {
        error = e;
        return -1;
    }

    private boolean failed(MultipartError e) {
        error = e;
        return false;
    }
}
