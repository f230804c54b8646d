package dev.fasthttp.internal.http1;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.bytes.Ascii;

/**
 * Finds where a request head ends, as bytes arrive in any split, and checks line terminators
 * on the way.
 *
 * <p>The head is complete at the first empty line after the request line. Every LF must follow
 * a CR and every CR must precede an LF: a lone CR or LF is where parsers disagree about line
 * boundaries, which is how requests get smuggled, so it is refused outright. Empty lines before
 * the request line are skipped (RFC 9112 2.2).
 *
 * <p>Scanning resumes where it stopped, so a head delivered one byte at a time is looked at
 * once, and the size limits apply before the head is complete: a client cannot make the server
 * buffer more than the limit while it waits for a terminator that never comes.
 */
public final class HeadScanner {

    /** {@link #scan} result: the head is not complete yet. */
    public static final int NEED_MORE = -1;
    /** {@link #scan} result: the head is invalid; see {@link #error()}. */
    public static final int ERROR = -2;

    /** Room for the method, spaces and version around a URI of the maximum length. */
    private static final int REQUEST_LINE_OVERHEAD = 64;

    private int scanPos;
    private int requestStart;
    private int lineStart;
    private boolean inRequestLine;
    private int headStart;
    private ProtocolError error;

    /** Starts scanning a new head at {@code start}. */
    public void reset(int start) {
        scanPos = start;
        requestStart = start;
        lineStart = start;
        headStart = start;
        inRequestLine = true;
        error = null;
    }

    /** Moves all positions by {@code delta} after the buffer was compacted. */
    public void shift(int delta) {
        scanPos -= delta;
        requestStart -= delta;
        lineStart -= delta;
        headStart -= delta;
    }

    /** True once some byte of a request (not just leading empty lines) has been seen. */
    public boolean started(int end) {
        return end > requestStart;
    }

    /** Where the request line begins, after any leading empty lines. */
    public int requestStart() {
        return requestStart;
    }

    public ProtocolError error() {
        return error;
    }

    /**
     * Scans {@code buf} up to {@code end}.
     *
     * <p>The verdict depends on the bytes only, never on how they were split into reads: the
     * first problem in byte order decides. A byte at or past {@code maxHeaderSize} from the start
     * of the head is over the limit (414 while still in the request line, else 431); in the
     * request line, a byte other than the final CR that lies {@code maxUriLength} plus room for
     * method and version past the line start is too (414); a bare LF, or a CR not followed by
     * LF, is invalid wherever it comes first.
     *
     * @return the position just after the head's final CRLF, {@link #NEED_MORE} or {@link #ERROR}
     */
    public int scan(byte[] buf, int end, int maxHeaderSize, int maxUriLength) {
        int maxRequestLine = maxUriLength + REQUEST_LINE_OVERHEAD;
        int headLimit = headStart + maxHeaderSize; // the first position over the limit
        int i = scanPos;
        while (i < end) {
            // Printable bytes need no look, eight at a time; stop at the next control byte or limit.
            int lineLimit = inRequestLine ? lineStart + maxRequestLine : Integer.MAX_VALUE;
            int stop = Math.min(end, Math.min(headLimit, lineLimit));
            int c = Ascii.indexOfControl(buf, i, stop);
            if (c == stop) {
                if (stop == end) {
                    i = end;
                    break;
                }
                if (stop == headLimit) {
                    return fail(inRequestLine ? ProtocolError.URI_TOO_LONG : ProtocolError.HEADERS_TOO_LARGE);
                }
                // At the request-line limit only the line's CR may come; an LF is still invalid.
                if (buf[c] != '\r' && buf[c] != '\n') {
                    return fail(ProtocolError.URI_TOO_LONG);
                }
            }
            byte b = buf[c];
            if (b == '\n') {
                return fail(ProtocolError.INVALID_LINE_TERMINATOR);
            }
            if (b != '\r') {
                if (c >= lineLimit) {
                    return fail(ProtocolError.URI_TOO_LONG);
                }
                i = c + 1; // other control bytes are the parser's to refuse
                continue;
            }
            if (c + 1 == end) {
                i = c; // the LF may be in the next read
                break;
            }
            if (buf[c + 1] != '\n') {
                return fail(ProtocolError.INVALID_LINE_TERMINATOR);
            }
            boolean emptyLine = c == lineStart;
            i = c + 2;
            if (!emptyLine) {
                inRequestLine = false;
            }
            if (i > headLimit) {
                return fail(inRequestLine ? ProtocolError.URI_TOO_LONG : ProtocolError.HEADERS_TOO_LARGE);
            }
            if (emptyLine) {
                if (!inRequestLine) {
                    scanPos = i;
                    return i;
                }
                requestStart = i; // an empty line before the request line
            }
            lineStart = i;
        }
        scanPos = i;
        return NEED_MORE;
    }

    private int fail(ProtocolError e) {
        error = e;
        return ERROR;
    }
}
