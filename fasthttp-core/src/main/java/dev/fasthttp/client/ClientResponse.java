package dev.fasthttp.client;

import dev.fasthttp.KeyValueVisitor;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.ChunkedDecoder;
import dev.fasthttp.internal.http1.HeadScanner;
import dev.fasthttp.internal.http1.ResponseHead;
import dev.fasthttp.internal.http1.ResponseParser;
import dev.fasthttp.internal.http1.ViewTable;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response read by {@link HostClient} or {@link Client}: status, headers and body, as views
 * into bytes this object owns. They stay valid until the response is reused for another request
 * (or {@link #reset()}); copy what must outlive that ({@link #bodyString()}, {@link #bodyBytes()},
 * {@link ByteView#toString()}). Reusable: keeping one per thread makes reading responses
 * allocation-free once its buffer has grown to their size. Not thread-safe.
 *
 * <p>A streamed response ({@link ClientRequest#setStreamResponseBody}, or {@link
 * ClientSettings.Builder#streamResponseBody} for every call of a client) holds only its head when
 * the call returns; its body is read from {@link #bodyStream()} as it arrives. Its connection
 * stays with the response until the stream reaches the end of the body or is closed: <b>close
 * it</b> (try-with-resources), or reuse or {@link #reset()} the response, which closes it. What
 * closing a stream before the end costs is said at {@link #bodyStream()}.
 */
public final class ClientResponse {

    private static final int MAX_RETAINED = 256 * 1024;

    /** What was read: the head, then the body (de-chunked in place). */
    final ByteBuf buffer = new ByteBuf(4096);
    final ResponseHead head = new ResponseHead();
    final HeadScanner scanner = new HeadScanner();
    final ChunkedDecoder chunked = new ChunkedDecoder();
    final ResponseParser parser = new ResponseParser();
    private final ByteView reason = new ByteView();
    private final ByteView body = new ByteView();
    private final ViewTable views = new ViewTable();
    int bodyStart;
    int bodyEnd;
    /** The body of a streamed response, null for a buffered one. */
    private ResponseBodyStream stream;

    /**
     * Forgets the last response. A body stream still open is closed first, as {@link
     * #bodyStream()} says.
     */
    public void reset() {
        closeStream();
        buffer.clear(MAX_RETAINED);
        head.clear();
        bodyStart = bodyEnd = 0;
        reason.clear();
        body.clear();
    }

    /** The status code, or 0 before a response was read. */
    public int statusCode() {
        return head.buffer() == null ? 0 : head.status();
    }

    /** The reason phrase as sent (possibly empty). */
    public ByteView reason() {
        return head.buffer() == null ? reason.clear() : reason.set(buffer.array(), head.reasonStart(), head.reasonEnd() - head.reasonStart());
    }

    /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
    public int minorVersion() {
        return head.minorVersion();
    }

    public int headerCount() {
        return head.buffer() == null ? 0 : head.headerCount();
    }

    public ByteView headerName(int i) {
        checkIndex(i);
        int start = head.headerNameStart(i);
        return views.key(i).set(buffer.array(), start, head.headerNameEnd(i) - start);
    }

    public ByteView headerValue(int i) {
        checkIndex(i);
        int start = head.headerValueStart(i);
        return views.value(i).set(buffer.array(), start, head.headerValueEnd(i) - start);
    }

    /** The value of the first header called {@code name} (case-insensitive), or null. */
    public ByteView header(String name) {
        for (int i = 0, n = headerCount(); i < n; i++) {
            int start = head.headerNameStart(i);
            if (Ascii.equalsIgnoreCase(buffer.array(), start, head.headerNameEnd(i) - start, name)) {
                return headerValue(i);
            }
        }
        return null;
    }

    public void visitHeaders(KeyValueVisitor visitor) {
        for (int i = 0, n = headerCount(); i < n; i++) {
            visitor.visit(headerName(i), headerValue(i));
        }
    }

    public ByteView contentType() {
        int i = head.buffer() == null ? -1 : head.contentTypeHeader();
        return i < 0 ? null : headerValue(i);
    }

    /** The declared Content-Length, or -1. */
    public long contentLength() {
        return head.buffer() == null ? -1 : head.contentLength();
    }

    /** Whether the server said it closes the connection after this response. */
    public boolean connectionClose() {
        return head.buffer() != null && !head.keepAlive();
    }

    /**
     * The body, de-chunked; empty for HEAD, 1xx, 204 and 304.
     *
     * @throws IllegalStateException if the body is streamed: read it from {@link #bodyStream()}
     */
    public ByteView body() {
        checkBuffered();
        return body.set(buffer.array(), bodyStart, bodyEnd - bodyStart);
    }

    /** The body as UTF-8 text. Allocates. Not for a streamed body, as {@link #body()}. */
    public String bodyString() {
        checkBuffered();
        return new String(buffer.array(), bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
    }

    /** A copy of the body. Allocates. Not for a streamed body, as {@link #body()}. */
    public byte[] bodyBytes() {
        checkBuffered();
        return java.util.Arrays.copyOfRange(buffer.array(), bodyStart, bodyEnd);
    }

    /**
     * The body as a stream. For a streamed response, the body as it arrives from the connection,
     * in bounded memory whatever its size (Go fasthttp's {@code Response.BodyStream()}): reads
     * block until bytes come, within the read timeout each (and the call's deadline, if it had
     * one); {@link ClientSettings#maxResponseBodySize()} still holds, a read that crosses it fails
     * with {@link ClientException.Kind#BODY_TOO_LARGE}; any failure closes the connection.
     *
     * <p>The connection returns to the pool once the body has been read to its end. Closing the
     * stream earlier reads and drops the rest if it is at most {@link
     * ClientSettings#maxResponseDrainSize()} and comes within the read timeout, and returns the
     * connection; otherwise the connection is closed. Either way the next call never sees a byte
     * of this body. The stream is not thread-safe; the same instance is returned until the
     * response is reused.
     *
     * <p>For a buffered response, a stream over the body held in memory (allocates one).
     */
    public InputStream bodyStream() {
        if (stream != null) {
            return stream;
        }
        return new ByteArrayInputStream(buffer.array(), bodyStart, bodyEnd - bodyStart);
    }

    /** Whether the body is streamed: read from {@link #bodyStream()} rather than {@link #body()}. */
    public boolean isBodyStreamed() {
        return stream != null;
    }

    void setStream(ResponseBodyStream stream) {
        this.stream = stream;
    }

    /** Closes the body stream of the last response, if it was streamed, giving its connection back. */
    void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void checkBuffered() {
        if (stream != null) {
            throw new IllegalStateException("the body is streamed: read it from bodyStream()");
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= headerCount()) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    @Override
    public String toString() {
        return statusCode() + " " + reason() + (stream != null ? " (" + stream + ")" : " (" + (bodyEnd - bodyStart) + " bytes)");
    }
}
