package dev.fasthttp.http1;

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
     * @return the position just after the head's final CRLF, {@link #NEED_MORE} or {@link #ERROR}
     */
    public int scan(byte[] buf, int end, int maxHeaderSize, int maxUriLength) {
        int maxRequestLine = maxUriLength + REQUEST_LINE_OVERHEAD;
        int i = scanPos;
        while (i < end) {
            // The limits are checked byte by byte, before each byte is looked at, so the verdict
            // on a head depends on its bytes only, never on how they were split into reads: an
            // oversized head is refused as such even if a malformed byte or the end of a line
            // follows in the same read.
            if (i - headStart >= maxHeaderSize) {
                return fail(inRequestLine ? ProtocolError.URI_TOO_LONG : ProtocolError.HEADERS_TOO_LARGE);
            }
            byte b = buf[i];
            if (b == '\n') {
                return fail(ProtocolError.INVALID_LINE_TERMINATOR);
            }
            if (b != '\r') {
                if (inRequestLine && i - lineStart >= maxRequestLine) {
                    return fail(ProtocolError.URI_TOO_LONG);
                }
                i++;
                continue;
            }
            if (i + 1 == end) {
                break; // the LF may be in the next read
            }
            if (buf[i + 1] != '\n') {
                return fail(ProtocolError.INVALID_LINE_TERMINATOR);
            }
            int lineEnd = i;
            i += 2;
            if (lineEnd == lineStart) {
                if (!inRequestLine) {
                    scanPos = i;
                    return i - headStart > maxHeaderSize ? fail(ProtocolError.HEADERS_TOO_LARGE) : i;
                }
                requestStart = i; // an empty line before the request line
            } else if (inRequestLine) {
                inRequestLine = false;
            }
            lineStart = i;
        }
        scanPos = i;
        // Only a just-completed CRLF can have gone past the limit unchecked; the same check
        // applies to it as to the byte after it would have.
        if (end - headStart > maxHeaderSize) {
            return fail(inRequestLine ? ProtocolError.URI_TOO_LONG : ProtocolError.HEADERS_TOO_LARGE);
        }
        return NEED_MORE;
    }

    private int fail(ProtocolError e) {
        error = e;
        return ERROR;
    }
}
