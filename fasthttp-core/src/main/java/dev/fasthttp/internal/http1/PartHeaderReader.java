package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;

/**
 * Reads the header section of one part (RFC 7578 4.8: Content-Disposition, Content-Type; others
 * are checked for form and skipped), from the line after a delimiter to the empty line that ends
 * it, into the part's entry in a {@link MultipartParts}. Shared by the buffered and the streaming
 * parser, so that both accept and refuse the same part headers.
 *
 * <p>The result depends only on the bytes from the start of the section up to its empty line, or,
 * when the section is cut or too long, up to {@code maxHeaderSize} plus the length of
 * {@code --boundary} after its start: a streaming reader that holds that much gives the answer
 * a reader of the whole body would give.
 */
final class PartHeaderReader {

    private final MultipartBoundary boundary;
    private final HeaderParams params;
    private MultipartError error;

    PartHeaderReader(MultipartBoundary boundary, HeaderParams params) {
        this.boundary = boundary;
        this.params = params;
    }

    /** Why the last {@link #read} returned -1. */
    MultipartError error() {
        return error;
    }

    /**
     * Reads a part's header lines from {@code p} up to the empty line that ends them, recording
     * its Content-Disposition and Content-Type; {@code to} is the end of the bytes there are.
     *
     * @return where the part's content starts, or -1 with {@link #error()} set
     */
    int read(byte[] b, int p, int to, int maxHeaderSize, MultipartParts out, int part) {
        error = null;
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
            if (boundary.startsWithDashBoundary(b, p, to)) {
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
        params.reset(null, 0, 0);
        return e == null ? p : fail(e);
    }

    private int fail(MultipartError e) {
        error = e;
        return -1;
    }
}
