package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;
import java.util.Arrays;

/**
 * The boundary of a {@code multipart/form-data} body, read from its Content-Type (RFC 2046 5.1.1:
 * a token or quoted-string of 1 to 70 bchars, the last not a space), and the matching of its
 * delimiter {@code CRLF--boundary} in bytes. Shared by the buffered {@link MultipartParser} and
 * the streaming {@link MultipartReader}, so that both split a body at the same places. Reused:
 * {@link #read} sets it for the next body.
 */
final class MultipartBoundary {

    static final int MAX_LENGTH = 70;
    /** The longest delimiter, {@code CRLF--} and the longest boundary. */
    static final int MAX_DELIMITER = 4 + MAX_LENGTH;

    /** RFC 2046 5.1.1 bchars. */
    private static final boolean[] BCHAR = Ascii.alphanumericOr("'()+_,-./:=? ");

    /** CRLF "--" boundary: what ends a part's content. */
    private final byte[] delimiter = new byte[MAX_DELIMITER];
    private int length;

    MultipartBoundary() {
        delimiter[0] = '\r';
        delimiter[1] = '\n';
        delimiter[2] = '-';
        delimiter[3] = '-';
    }

    /** True if the Content-Type value {@code b[from, to)} names multipart/form-data, whatever its parameters. */
    static boolean isFormData(byte[] b, int from, int to) {
        return mediaTypeEnd(b, from, to) >= 0;
    }

    /**
     * Finds the boundary parameter of the Content-Type value {@code type[from, to)} and makes the
     * delimiter of it; {@code params} is scratch.
     *
     * @return null when the delimiter is set, else why the Content-Type is refused
     */
    MultipartError read(byte[] type, int from, int to, HeaderParams params) {
        int paramsStart = mediaTypeEnd(type, from, to);
        if (paramsStart < 0) {
            return MultipartError.NOT_FORM_DATA;
        }
        params.reset(type, paramsStart, to);
        int start = -1;
        int end = -1;
        int r;
        while ((r = params.next()) > 0) {
            if (params.nameIs("boundary")) {
                if (start >= 0) {
                    return MultipartError.BAD_CONTENT_TYPE;
                }
                start = params.valueStart;
                end = params.valueEnd;
            }
        }
        params.reset(null, 0, 0); // hold no reference to the request's bytes
        if (r < 0) {
            return MultipartError.BAD_CONTENT_TYPE;
        }
        if (start < 0) {
            return MultipartError.NO_BOUNDARY;
        }
        int n = end - start;
        if (n < 1 || n > MAX_LENGTH || type[end - 1] == ' ') {
            return MultipartError.BAD_BOUNDARY;
        }
        for (int i = start; i < end; i++) {
            if (!BCHAR[type[i] & 0xFF]) {
                return MultipartError.BAD_BOUNDARY; // a backslash escape included: '\' is no bchar
            }
        }
        System.arraycopy(type, start, delimiter, 4, n);
        length = 4 + n;
        return null;
    }

    /** The length of the delimiter, {@code CRLF--boundary}. */
    int delimiterLength() {
        return length;
    }

    /** The length of {@code --boundary}, the delimiter without its CRLF. */
    int dashBoundaryLength() {
        return length - 2;
    }

    /** True if {@code b[p, to)} starts with {@code --boundary}. */
    boolean startsWithDashBoundary(byte[] b, int p, int to) {
        int n = length - 2;
        return to - p >= n && Arrays.equals(b, p, p + n, delimiter, 2, length);
    }

    /** Where the next {@code CRLF--boundary} in {@code b[from, to)} starts, or -1. */
    int indexOfDelimiter(byte[] b, int from, int to) {
        int n = length;
        int last = to - n;
        for (int i = from; i <= last; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '-' && b[i + 3] == '-'
                    && Arrays.equals(b, i + 4, i + n, delimiter, 4, n)) {
                return i;
            }
        }
        return -1;
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
}
