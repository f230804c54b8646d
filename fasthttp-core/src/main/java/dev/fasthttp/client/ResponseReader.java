package dev.fasthttp.client;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.ChunkedDecoder;
import dev.fasthttp.internal.http1.HeadScanner;
import dev.fasthttp.internal.http1.ResponseHead;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one response from a client connection into a {@link ClientResponse}: the head (skipping
 * 1xx interim responses), then the body as its framing says (RFC 9112 6.3): none, Content-Length
 * bytes, chunked (decoded in place, trailers dropped) or until the server closes.
 */
final class ResponseReader {

    /** Room asked for before each read. */
    private static final int READ_CHUNK = 4096;

    private ResponseReader() {
    }

    /**
     * Reads one response into {@code r.buffer}, which the caller cleared: it may hold the
     * response's first bytes, read while waiting for {@code 100 Continue} ({@link ContinueWait}).
     *
     * @return whether the connection may carry another request: the server keeps it open and
     *         sent nothing past this response
     * @throws ClientException {@link ClientException.Kind#CONNECTION_CLOSED} if the server closed
     *         the connection before a single byte of response
     */
    static boolean read(InputStream in, ClientResponse r, boolean headRequest, ClientSettings settings) throws IOException {
        int end = readResponse(in, r, headRequest, settings);
        return end == r.buffer.size() && r.head.keepAlive();
    }

    /**
     * Reads one response of a pipelined connection, where a read may also bring the start of the
     * responses after it.
     *
     * @param carried bytes read earlier past the previous response: this response starts with
     *        them; on return, it holds the bytes read past this one
     * @return whether the connection may carry on
     */
    static boolean readPipelined(InputStream in, ClientResponse r, boolean headRequest, ClientSettings settings, ByteBuf carried)
            throws IOException {
        ByteBuf buf = r.buffer;
        buf.clear();
        buf.append(carried.array(), 0, carried.size());
        carried.clear();
        int end = readResponse(in, r, headRequest, settings);
        if (end < 0) {
            return false;
        }
        carried.append(buf.array(), end, buf.size() - end);
        buf.setSize(end);
        return r.head.keepAlive();
    }

    /**
     * Reads into {@code r.buffer}, which may already hold the response's first bytes.
     *
     * @return where the response ends in the buffer (bytes after it were read past it), or -1 if
     *         it ended with the connection
     */
    private static int readResponse(InputStream in, ClientResponse r, boolean headRequest, ClientSettings settings) throws IOException {
        ByteBuf buf = r.buffer;
        int headEnd = readHead(in, r, settings);
        r.bodyStart = headEnd;
        ResponseHead head = r.head;
        int responseEnd;
        switch (head.framing(headRequest)) {
            case NONE -> {
                r.bodyEnd = headEnd;
                responseEnd = headEnd;
            }
            case LENGTH -> {
                long length = head.contentLength();
                checkBodySize(length, settings.maxBufferedBodySize(), settings);
                int end = headEnd + (int) length;
                buf.ensureWritable(end - buf.size());
                while (buf.size() < end) {
                    if (fill(in, buf, Math.min(READ_CHUNK, end - buf.size())) < 0) {
                        throw new IOException("the server closed the connection " + (end - buf.size()) + " bytes short of the body");
                    }
                }
                r.bodyEnd = end;
                responseEnd = end;
            }
            case CHUNKED -> {
                ChunkedDecoder decoder = r.chunked;
                decoder.reset(headEnd);
                int end;
                while ((end = decoder.decode(buf.array(), buf.size(), settings.maxBufferedBodySize(), settings.maxResponseHeaderSize())) < 0) {
                    if (end == ChunkedDecoder.ERROR) {
                        throw decoder.error() == ProtocolError.BODY_TOO_LARGE
                                ? bodyTooLarge(settings.maxBufferedBodySize(), settings)
                                : protocol(decoder.error());
                    }
                    buf.setSize(decoder.reclaim(buf.array(), buf.size()));
                    if (fill(in, buf) < 0) {
                        throw new IOException("the server closed the connection in the middle of a chunked body");
                    }
                }
                r.bodyEnd = decoder.writePos();
                responseEnd = end;
            }
            default -> { // until the server closes
                while (fill(in, buf) >= 0) {
                    checkBodySize(buf.size() - headEnd, settings.maxBufferedBodySize(), settings);
                }
                r.bodyEnd = buf.size();
                responseEnd = -1;
            }
        }
        return responseEnd;
    }

    /**
     * Reads the head of a response whose body is streamed, into {@code r.buffer} as {@link #read}
     * does: on return the buffer holds the head and whatever part of the body came with it, from
     * {@code r.bodyStart} on.
     */
    static void readStreamedHead(InputStream in, ClientResponse r, ClientSettings settings) throws IOException {
        int headEnd = readHead(in, r, settings);
        r.bodyStart = r.bodyEnd = headEnd;
    }

    /**
     * Reads up to the end of a final (non-1xx) head into {@code r.buffer}, which may already hold
     * its first bytes, and parses it into {@code r.head}. Interim responses before it (100
     * Continue, 102 Processing, 103 Early Hints) are read and dropped: the real one follows.
     *
     * @return where the head ends in the buffer
     */
    private static int readHead(InputStream in, ClientResponse r, ClientSettings settings) throws IOException {
        while (true) {
            int headEnd = readNextHead(in, r, settings);
            if (r.head.status() >= 200) {
                return headEnd;
            }
            r.buffer.remove(0, headEnd);
        }
    }

    /**
     * Reads up to the end of the next head, interim or final, as {@link #readHead}; an interim
     * one is dropped from the buffer, a final one stays for {@link #read} to read again. For a
     * request waiting for {@code 100 Continue}, which may time out in the middle of a head: the
     * bytes read so far stay in the buffer, and the next read carries on from them.
     *
     * @return the status of the head read
     */
    static int awaitHead(InputStream in, ClientResponse r, ClientSettings settings) throws IOException {
        int headEnd = readNextHead(in, r, settings);
        int status = r.head.status();
        if (status < 200) {
            r.buffer.remove(0, headEnd);
        }
        return status;
    }

    /** Reads until the buffer starts with a whole head, parsed into {@code r.head}; refuses 101. */
    private static int readNextHead(InputStream in, ClientResponse r, ClientSettings settings) throws IOException {
        ByteBuf buf = r.buffer;
        r.head.clear();
        r.bodyStart = r.bodyEnd = 0;
        HeadScanner scanner = r.scanner;
        scanner.reset(0);
        while (true) {
            int headEnd = scanner.scan(buf.array(), buf.size(), settings.maxResponseHeaderSize(), settings.maxResponseHeaderSize());
            if (headEnd == HeadScanner.ERROR) {
                throw protocol(scanner.error());
            }
            if (headEnd >= 0) {
                ProtocolError e = r.parser.parse(buf.array(), scanner.requestStart(), headEnd, r.head);
                if (e != null) {
                    throw protocol(e);
                }
                if (r.head.status() == 101) {
                    throw new ClientException(ClientException.Kind.PROTOCOL, "the server switched protocols (101), which this client does not speak");
                }
                return headEnd;
            }
            if (fill(in, buf) < 0) {
                throw buf.isEmpty()
                        ? new ClientException(ClientException.Kind.CONNECTION_CLOSED, "the server closed the connection without answering")
                        : new IOException("the server closed the connection in the middle of the response head");
            }
        }
    }

    private static int fill(InputStream in, ByteBuf buf) throws IOException {
        return fill(in, buf, READ_CHUNK);
    }

    /** Reads what is there, making room for at least {@code room} bytes first. */
    private static int fill(InputStream in, ByteBuf buf, int room) throws IOException {
        buf.ensureWritable(room);
        int n = in.read(buf.array(), buf.size(), buf.capacity() - buf.size());
        if (n > 0) {
            buf.setSize(buf.size() + n);
        }
        return n;
    }

    private static void checkBodySize(long length, long limit, ClientSettings settings) throws ClientException {
        if (length > limit) {
            throw bodyTooLarge(limit, settings);
        }
    }

    /** The failure of a body over {@code limit}: the setting, or for a buffered body what an array holds. */
    static ClientException bodyTooLarge(long limit, ClientSettings settings) {
        return new ClientException(ClientException.Kind.BODY_TOO_LARGE, limit == settings.maxResponseBodySize()
                ? "response body larger than maxResponseBodySize (" + limit + " bytes)"
                : "response body larger than a buffered response holds (" + limit + " bytes): stream it (setStreamResponseBody)");
    }

    static ClientException protocol(ProtocolError e) {
        return new ClientException(ClientException.Kind.PROTOCOL, "invalid response: " + e.reason(), e, null);
    }
}
