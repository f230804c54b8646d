package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;

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

    /** What {@link #afterDelimiter} returns for the close delimiter. */
    private static final int CLOSED = Integer.MAX_VALUE;

    private final MultipartBoundary boundary = new MultipartBoundary();
    private final HeaderParams params = new HeaderParams();
    private final PartHeaderReader headers = new PartHeaderReader(boundary, params);
    private MultipartError error;

    /** True if the Content-Type value {@code b[from, to)} names multipart/form-data, whatever its parameters. */
    public static boolean isFormData(byte[] b, int from, int to) {
        return MultipartBoundary.isFormData(b, from, to);
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
        error = boundary.read(type, typeFrom, typeTo, params);
        return error != null ? error : readParts(body, from, to, maxParts, maxPartHeaderSize, out);
    }

    private MultipartError readParts(byte[] body, int from, int to, int maxParts, int maxPartHeaderSize, MultipartParts out) {
        int next;
        if (boundary.startsWithDashBoundary(body, from, to)) {
            next = afterDelimiter(body, from + boundary.dashBoundaryLength(), to);
        } else {
            int d = boundary.indexOfDelimiter(body, from, to);
            next = d < 0 ? fail(MultipartError.NO_DELIMITER) : afterDelimiter(body, d + boundary.delimiterLength(), to);
        }
        while (next >= 0 && next != CLOSED) {
            if (out.count() == maxParts) {
                return MultipartError.TOO_MANY_PARTS;
            }
            int part = out.add();
            int contentStart = headers.read(body, next, to, maxPartHeaderSize, out, part);
            if (contentStart < 0) {
                return headers.error();
            }
            if (boundary.startsWithDashBoundary(body, contentStart, to)) {
                return MultipartError.DELIMITER_WITHOUT_CRLF;
            }
            int d = boundary.indexOfDelimiter(body, contentStart, to);
            if (d < 0) {
                return MultipartError.NOT_CLOSED;
            }
            out.setContent(part, contentStart, d);
            next = afterDelimiter(body, d + boundary.delimiterLength(), to);
        }
        return error;
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

    private int fail(MultipartError e) {
        error = e;
        return -1;
    }
}
