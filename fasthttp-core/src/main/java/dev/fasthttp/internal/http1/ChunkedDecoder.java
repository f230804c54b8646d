package dev.fasthttp.internal.http1;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.Numbers;

/**
 * Decodes a chunked request body in place: chunk data is moved down over the framing it came
 * with, so the decoded body ends up contiguous right after the head, in the same buffer.
 *
 * <pre>
 *  SIZE --hex--> SIZE ---';'--> EXT ---CR--> SIZE_LF --LF--> DATA (n bytes) --CR--> DATA_LF --LF--> SIZE
 *                  |--SP/HTAB--> SIZE_BWS --';'--> EXT
 *                  |                 \--CR--> SIZE_LF
 *                  \--CR--> SIZE_LF      (size 0) SIZE_LF --LF--> TRAILER --CR--> FINAL_LF --LF--> DONE
 *                                                   TRAILER --name ':' value CRLF--> TRAILER
 * </pre>
 *
 * Decoding resumes where it stopped, so the body may arrive in any split; once DONE, it stays
 * done, however often it is asked again. Extensions are accepted and ignored; trailer fields
 * are checked and left where they are (between {@link #trailerStart()} and {@link #trailerEnd()});
 * a decoder for requests also refuses {@linkplain TrailerFields forbidden ones}, which a server
 * would otherwise hand its handler (a client reads no trailers, so it takes them as they come). Every bare CR or LF, missing CRLF after data, non-hex or
 * oversized size, anything but BWS then ';' or CRLF after a size, and a trailer line that is not
 * a field line is an error: a chunked body is exactly the framing that smuggling attacks bend,
 * so nothing is guessed.
 */
public final class ChunkedDecoder {

    /** {@link #decode} result: more bytes are needed. */
    public static final int NEED_MORE = -1;
    /** {@link #decode} result: the body is invalid; see {@link #error()}. */
    public static final int ERROR = -2;

    /** 15 hex digits already exceed any body limit; more cannot be a sane chunk size. */
    private static final int MAX_SIZE_DIGITS = 15;
    /** Bound on a chunk-size line with its extensions. */
    private static final int MAX_SIZE_LINE = 4096;

    private enum State { SIZE, SIZE_BWS, EXT, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER, TRAILER_NAME, TRAILER_LINE, TRAILER_LF,
        FINAL_LF, DONE }

    private final boolean refuseForbiddenTrailers;
    private State state;
    private int readPos;
    private int writePos;
    private long chunkRemaining;
    private int sizeDigits;
    private int lineLength;
    private int trailerBytes;
    private long decoded;
    private ProtocolError error;
    /** The trailer section, once the last chunk's size line has been read; -1 before. */
    private int trailerStart;
    private int trailerEnd;
    /** Where the trailer field name being read began. */
    private int nameStart;

    /** A decoder of response bodies: every trailer field is taken (and ignored). */
    public ChunkedDecoder() {
        this(false);
    }

    private ChunkedDecoder(boolean refuseForbiddenTrailers) {
        this.refuseForbiddenTrailers = refuseForbiddenTrailers;
    }

    /** A decoder of request bodies: a forbidden trailer field is an error. */
    public static ChunkedDecoder forRequests() {
        return new ChunkedDecoder(true);
    }

    /** Starts decoding a body that begins at {@code bodyStart}. */
    public void reset(int bodyStart) {
        state = State.SIZE;
        readPos = bodyStart;
        writePos = bodyStart;
        chunkRemaining = 0;
        sizeDigits = 0;
        lineLength = 0;
        trailerBytes = 0;
        decoded = 0;
        error = null;
        trailerStart = trailerEnd = nameStart = -1;
    }

    /** Where the trailer fields begin, once the body is complete: {@code Name: value CRLF} lines up to {@link #trailerEnd()}; -1 if none came. */
    public int trailerStart() {
        return trailerEnd > trailerStart ? trailerStart : -1;
    }

    /** Where the trailer fields end (before the final CRLF). */
    public int trailerEnd() {
        return trailerEnd;
    }

    /** Where the next undecoded byte is. */
    public int readPos() {
        return readPos;
    }

    /** Where the decoded body ends so far. */
    public int writePos() {
        return writePos;
    }

    /** Moves all positions by {@code delta} after the buffer was compacted. */
    public void shift(int delta) {
        readPos -= delta;
        writePos -= delta;
        moveTrailers(delta);
    }

    private void moveTrailers(int delta) {
        if (trailerStart >= 0) {
            trailerStart -= delta;
            trailerEnd -= delta;
            nameStart -= delta;
        }
    }

    /**
     * For a body read as a stream: everything decoded so far has been taken, so decoded data
     * starts over at {@code pos}. Follow with {@link #reclaim} to move the undecoded bytes there.
     */
    public void restartOutput(int pos) {
        writePos = pos;
    }

    /**
     * Moves the undecoded bytes {@code [readPos, end)} down to {@code writePos}, so the gap left by
     * framing already decoded can hold new input.
     *
     * @return the new end of the buffered bytes
     */
    public int reclaim(byte[] buf, int end) {
        // Trailer lines already read are kept with the rest: the section stays in one piece.
        int from = trailerStart >= 0 ? trailerStart : readPos;
        int delta = from - writePos;
        System.arraycopy(buf, from, buf, writePos, end - from);
        readPos -= delta;
        moveTrailers(delta);
        return end - delta;
    }

    public ProtocolError error() {
        return error;
    }

    /**
     * Decodes from where it stopped up to {@code end}.
     *
     * @return the position after the whole chunked body (trailers included) when complete,
     *         otherwise {@link #NEED_MORE} or {@link #ERROR}
     */
    public int decode(byte[] buf, int end, long maxBodySize, int maxTrailerSize) {
        if (state == State.DONE) {
            return readPos; // complete: the bytes after the body belong to the next request
        }
        int p = readPos;
        while (p < end) {
            byte b = buf[p];
            switch (state) {
                case SIZE -> {
                    int digit = Numbers.hexValue(b);
                    if (digit >= 0) {
                        if (++sizeDigits > MAX_SIZE_DIGITS) {
                            return fail(ProtocolError.INVALID_CHUNK);
                        }
                        chunkRemaining = (chunkRemaining << 4) | digit;
                        p++;
                    } else if (sizeDigits == 0) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    } else if (b == ';') {
                        state = State.EXT;
                        p++;
                    } else if (Ascii.isWhitespace(b)) {
                        state = State.SIZE_BWS;
                        p++;
                    } else if (b == '\r') {
                        state = State.SIZE_LF;
                        p++;
                    } else {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    if (++lineLength > MAX_SIZE_LINE) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                }
                case SIZE_BWS -> {
                    // RFC 9112 7.1.1: only BWS ";" may follow the size. "5 5" is not a size of 5
                    // with junk after it, it is invalid; trailing whitespace before CRLF is
                    // tolerated, as it cannot change the size.
                    if (b == ';') {
                        state = State.EXT;
                    } else if (b == '\r') {
                        state = State.SIZE_LF;
                    } else if (!Ascii.isWhitespace(b)) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    p++;
                    if (++lineLength > MAX_SIZE_LINE) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                }
                case EXT -> {
                    if (b == '\r') {
                        state = State.SIZE_LF;
                    } else if (!Ascii.isFieldValue(b)) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    p++;
                    if (++lineLength > MAX_SIZE_LINE) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                }
                case SIZE_LF -> {
                    if (b != '\n') {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    p++;
                    lineLength = 0;
                    sizeDigits = 0;
                    if (chunkRemaining == 0) {
                        state = State.TRAILER;
                        trailerStart = trailerEnd = p;
                    } else {
                        decoded += chunkRemaining;
                        if (decoded > maxBodySize) {
                            return fail(ProtocolError.BODY_TOO_LARGE);
                        }
                        state = State.DATA;
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(chunkRemaining, end - p);
                    System.arraycopy(buf, p, buf, writePos, n);
                    writePos += n;
                    p += n;
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        state = State.DATA_CR;
                    }
                }
                case DATA_CR -> {
                    if (b != '\r') {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    state = State.DATA_LF;
                    p++;
                }
                case DATA_LF -> {
                    if (b != '\n') {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    state = State.SIZE;
                    p++;
                }
                case TRAILER -> {
                    // At the start of a trailer line: CR means the empty line that ends the body.
                    if (b == '\r') {
                        state = State.FINAL_LF;
                        trailerEnd = p;
                    } else if (Ascii.isWhitespace(b)) {
                        return fail(ProtocolError.OBSOLETE_LINE_FOLDING);
                    } else if (!Ascii.isToken(b)) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    } else {
                        state = State.TRAILER_NAME;
                        nameStart = p;
                    }
                    p++;
                    if (++trailerBytes > maxTrailerSize) {
                        return fail(ProtocolError.HEADERS_TOO_LARGE);
                    }
                }
                case TRAILER_NAME -> {
                    // RFC 9112 7.1.2: a trailer line is a field line, name ":" value, with no
                    // whitespace before the colon (5.1). Anything else, such as a request line
                    // where a front end expected the body to have ended, is invalid.
                    if (b == ':') {
                        if (refuseForbiddenTrailers && TrailerFields.isForbidden(buf, nameStart, p)) {
                            return fail(ProtocolError.FORBIDDEN_TRAILER);
                        }
                        state = State.TRAILER_LINE;
                    } else if (!Ascii.isToken(b)) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    p++;
                    if (++trailerBytes > maxTrailerSize) {
                        return fail(ProtocolError.HEADERS_TOO_LARGE);
                    }
                }
                case TRAILER_LINE -> {
                    if (b == '\r') {
                        state = State.TRAILER_LF;
                    } else if (!Ascii.isFieldValue(b)) {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    p++;
                    if (++trailerBytes > maxTrailerSize) {
                        return fail(ProtocolError.HEADERS_TOO_LARGE);
                    }
                }
                case TRAILER_LF -> {
                    if (b != '\n') {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    state = State.TRAILER;
                    p++;
                }
                case FINAL_LF -> {
                    if (b != '\n') {
                        return fail(ProtocolError.INVALID_CHUNK);
                    }
                    readPos = p + 1;
                    state = State.DONE;
                    return readPos;
                }
            }
        }
        readPos = p;
        return NEED_MORE;
    }

    /** Length of the body decoded so far. */
    public long decodedLength() {
        // Only in DATA is chunkRemaining the undelivered part of a counted chunk; while a size
        // line is read it holds the digits so far, which are not counted yet.
        return state == State.DATA ? decoded - chunkRemaining : decoded;
    }

    private int fail(ProtocolError e) {
        error = e;
        return ERROR;
    }
}
