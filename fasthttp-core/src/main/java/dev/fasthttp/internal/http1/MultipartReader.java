package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.ByteBuf;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a {@code multipart/form-data} body into parts as it is read from a stream, with the rules
 * of {@link MultipartParser} (it shares their pieces: {@link MultipartBoundary},
 * {@link PartHeaderReader}, {@link FormDataDisposition}) and one fixed buffer, whatever the size
 * of a part: a body it refuses is refused by the buffered parser with the same error, however the
 * stream cuts it into reads.
 *
 * <pre>
 *   PREAMBLE --first delimiter--> DELIMITER --padding, CRLF--> HEADERS --empty line--> CONTENT
 *                                     ^  \--"--"--> CLOSED (epilogue never read)           |
 *                                     +---------------- CRLF--boundary --------------------+
 *   any fault --> FAILED: every later call throws the same
 * </pre>
 *
 * <h2>Memory</h2>
 * The buffer holds at least {@link #DEFAULT_BUFFER_SIZE} bytes, and a whole part header section
 * with enough after it to tell its fault (the limit plus the longest delimiter): the header section
 * is parsed in place, then copied aside (at most the limit) so that the part's name and filename
 * stay valid while its content streams through the buffer. Content passes through in pieces; the
 * last delimiter length minus one bytes of a piece wait for more input, as they may start the
 * delimiter. So the reader holds about twice the header limit at most, never a part.
 */
public final class MultipartReader {

    /** Room for content to stream through in reads of a useful size. */
    public static final int DEFAULT_BUFFER_SIZE = 16 * 1024;

    private static final int PREAMBLE = 0;
    private static final int CONTENT = 1;
    private static final int CLOSED = 2;
    private static final int FAILED = 3;

    private final InputStream in;
    private final MultipartBoundary boundary = new MultipartBoundary();
    private final HeaderParams params = new HeaderParams();
    private final PartHeaderReader headerReader = new PartHeaderReader(boundary, params);
    private final MultipartParts part = new MultipartParts();
    /** The current part's header section, which its name, filename and type point into. */
    private final ByteBuf headerSection = new ByteBuf(256);
    private final int maxParts;
    private final int maxPartHeaderSize;
    private final long maxPartSize;
    private final long maxTotalSize;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;

    private int state = PREAMBLE;
    private RuntimeException failure;
    private int partCount;
    /** Content of the current part up to here is known: it is followed by enough bytes to tell. */
    private int ready;
    /** {@link #ready} is where the current part's delimiter starts. */
    private boolean atDelimiter;
    private long partSize;
    private long totalSize;

    /**
     * Reads {@code in} as sent with the Content-Type value {@code type[from, to)}; reads nothing yet.
     *
     * @param maxPartSize  the largest content of one part (413)
     * @param maxTotalSize the largest content of all parts together (413)
     * @throws MultipartException 415 if the Content-Type is not multipart/form-data, 400 for a
     *                            missing or bad boundary
     */
    public MultipartReader(InputStream in, byte[] type, int from, int to, int maxParts, int maxPartHeaderSize,
                           long maxPartSize, long maxTotalSize) {
        MultipartError e = boundary.read(type, from, to, params);
        if (e != null) {
            throw new MultipartException(e, 0);
        }
        this.in = in;
        this.maxParts = maxParts;
        this.maxPartHeaderSize = maxPartHeaderSize;
        this.maxPartSize = maxPartSize;
        this.maxTotalSize = maxTotalSize;
        long headerRoom = (long) maxPartHeaderSize + MultipartBoundary.MAX_DELIMITER + 2;
        this.buf = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(DEFAULT_BUFFER_SIZE, headerRoom))];
    }

    /**
     * Moves to the next part, skipping what is left of the current one's content.
     *
     * @return false after the close delimiter
     * @throws MultipartException when the body is refused, now or on an earlier call
     */
    public boolean next() throws IOException {
        if (state == CLOSED) {
            return false;
        }
        checkNotFailed();
        try {
            if (state == PREAMBLE) {
                skipPreamble();
            } else {
                while (available() > 0) {
                    pos = ready;
                }
                pos += boundary.delimiterLength();
                atDelimiter = false;
            }
            if (!afterDelimiter()) {
                state = CLOSED;
                return false;
            }
            readPartHeaders();
            state = CONTENT;
            return true;
        } catch (IOException | RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    /** The current part, as entry 0: its name, filename and content type are valid until {@link #next()}. */
    public MultipartParts part() {
        return part;
    }

    /** The current part's header section, {@code [0, headerSectionLength())}: lines ending in CRLF, then CRLF. */
    public byte[] headerSection() {
        return headerSection.array();
    }

    public int headerSectionLength() {
        return headerSection.size();
    }

    /**
     * Reads the current part's content, as {@link InputStream#read(byte[], int, int)}: -1 at its end.
     *
     * @throws MultipartException when the body is refused (a cut body, a size limit)
     */
    public int read(byte[] b, int off, int len) throws IOException {
        if (state != CONTENT) {
            checkNotFailed();
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        try {
            int n = Math.min(len, available());
            if (n == 0) {
                return -1;
            }
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        } catch (IOException | RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    /** Notes the failure, so that later calls throw too. */
    private void failed(Exception e) {
        state = FAILED;
        failure = e instanceof MultipartException m ? m : new IllegalStateException("the multipart body failed", e);
    }

    private void checkNotFailed() {
        if (state == FAILED) {
            throw failure; // without a stack trace, the same instance may be thrown again
        }
    }

    /**
     * How many bytes of the current part's content lie at {@link #pos}, known to be content;
     * 0 at its end. Counts them against the limits as they become known.
     */
    private int available() throws IOException {
        if (ready > pos || atDelimiter) {
            return ready - pos;
        }
        while (true) {
            int d = boundary.indexOfDelimiter(buf, pos, limit);
            int safe = d >= 0 ? d : limit - (boundary.delimiterLength() - 1);
            if (d >= 0 || safe > pos) {
                atDelimiter = d >= 0;
                ready = safe;
                count(safe - pos);
                return safe - pos;
            }
            if (eof) {
                throw new MultipartException(MultipartError.NOT_CLOSED, 0);
            }
            fill();
        }
    }

    private void count(int n) {
        partSize += n;
        totalSize += n;
        if (partSize > maxPartSize) {
            throw new MultipartException(MultipartError.PART_TOO_LARGE, maxPartSize);
        }
        if (totalSize > maxTotalSize) {
            throw new MultipartException(MultipartError.FORM_TOO_LARGE, maxTotalSize);
        }
    }

    /** Finds the first delimiter: {@code --boundary} at the very start, else the first {@code CRLF--boundary}. */
    private void skipPreamble() throws IOException {
        if (ensure(boundary.dashBoundaryLength()) && boundary.startsWithDashBoundary(buf, pos, limit)) {
            pos += boundary.dashBoundaryLength();
            return;
        }
        while (true) {
            int d = boundary.indexOfDelimiter(buf, pos, limit);
            if (d >= 0) {
                pos = d + boundary.delimiterLength();
                return;
            }
            if (eof) {
                throw new MultipartException(MultipartError.NO_DELIMITER, 0);
            }
            pos = Math.max(pos, limit - (boundary.delimiterLength() - 1)); // the rest may start the delimiter
            fill();
        }
    }

    /**
     * Reads what follows {@code --boundary}, as {@code MultipartParser.afterDelimiter} does.
     *
     * @return true if a part follows, false for the close delimiter
     */
    private boolean afterDelimiter() throws IOException {
        if (ensure(2) && buf[pos] == '-' && buf[pos + 1] == '-') {
            pos += 2;
            return false;
        }
        boolean padded = false;
        while (true) {
            if (!ensure(1)) {
                throw new MultipartException(MultipartError.NOT_CLOSED, 0);
            }
            if (!Ascii.isWhitespace(buf[pos])) {
                break;
            }
            pos++;
            padded = true;
        }
        if (ensure(2) && buf[pos] == '\r' && buf[pos + 1] == '\n') {
            pos += 2;
            return true;
        }
        boolean cutShort = limit - pos == 1 && (buf[pos] == '\r' || (!padded && buf[pos] == '-'));
        throw new MultipartException(cutShort ? MultipartError.NOT_CLOSED : MultipartError.BAD_DELIMITER, 0);
    }

    /**
     * Reads a part's header section and copies it aside. What the buffered parser reads of it
     * depends on at most the limit plus the delimiter length of bytes (see {@link PartHeaderReader}),
     * so the section is read in place once that much is here, or its empty line, or the end.
     */
    private void readPartHeaders() throws IOException {
        if (partCount == maxParts) {
            throw new MultipartException(MultipartError.TOO_MANY_PARTS, maxParts);
        }
        partCount++;
        partSize = 0;
        compact();
        long window = (long) maxPartHeaderSize + boundary.delimiterLength();
        int scanned = pos;
        int end;
        while ((end = headerSectionEnd(scanned)) < 0 && !eof && limit - pos < window && limit < buf.length) {
            scanned = Math.max(pos, limit - 3); // pos stays 0 while the section is read: nothing moves
            fill();
        }
        headerSection.clear();
        if (end < 0 || end - pos > maxPartHeaderSize) {
            part.start(buf); // a fault for sure: read it in place for its error
            part.add();
            headerReader.read(buf, pos, limit, maxPartHeaderSize, part, 0);
            part.clear();
            MultipartError e = headerReader.error();
            throw new MultipartException(e != null ? e : MultipartError.PART_HEADERS_TOO_LARGE, maxPartHeaderSize);
        }
        headerSection.append(buf, pos, end - pos);
        byte[] section = headerSection.array();
        part.start(section);
        part.add();
        if (headerReader.read(section, 0, end - pos, maxPartHeaderSize, part, 0) < 0) {
            throw new MultipartException(headerReader.error(), maxPartHeaderSize);
        }
        pos = end;
        if (ensure(boundary.dashBoundaryLength()) && boundary.startsWithDashBoundary(buf, pos, limit)) {
            throw new MultipartException(MultipartError.DELIMITER_WITHOUT_CRLF, 0);
        }
        ready = pos;
        atDelimiter = false;
    }

    /** Where the empty line that ends the header section at {@link #pos} ends, looking from {@code from}; -1 if not here. */
    private int headerSectionEnd(int from) {
        if (limit - pos >= 2 && buf[pos] == '\r' && buf[pos + 1] == '\n') {
            return pos + 2;
        }
        for (int i = Math.max(from, pos); i + 3 < limit; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** Reads until {@code n} bytes lie at {@link #pos}, or the end; true if they do. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n && !eof) {
            fill();
        }
        return limit - pos >= n;
    }

    /** Moves the unread bytes to the front of the buffer and reads more after them, or notes the end. */
    private void fill() throws IOException {
        compact();
        int n = 0;
        while (n == 0) {
            n = in.read(buf, limit, buf.length - limit);
        }
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private void compact() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            ready = Math.max(0, ready - pos);
            pos = 0;
        }
    }
}
