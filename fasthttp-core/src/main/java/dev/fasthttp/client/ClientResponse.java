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
import java.nio.charset.StandardCharsets;

/**
 * A response read by {@link HostClient} or {@link Client}: status, headers and body, as views
 * into bytes this object owns. They stay valid until the response is reused for another request
 * (or {@link #reset()}); copy what must outlive that ({@link #bodyString()}, {@link #bodyBytes()},
 * {@link ByteView#toString()}). Reusable: keeping one per thread makes reading responses
 * allocation-free once its buffer has grown to their size. Not thread-safe.
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

    /** Forgets the last response. */
    public void reset() {
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

    /** The body, de-chunked; empty for HEAD, 1xx, 204 and 304. */
    public ByteView body() {
        return body.set(buffer.array(), bodyStart, bodyEnd - bodyStart);
    }

    /** The body as UTF-8 text. Allocates. */
    public String bodyString() {
        return new String(buffer.array(), bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
    }

    /** A copy of the body. Allocates. */
    public byte[] bodyBytes() {
        return java.util.Arrays.copyOfRange(buffer.array(), bodyStart, bodyEnd);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= headerCount()) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    @Override
    public String toString() {
        return statusCode() + " " + reason() + " (" + (bodyEnd - bodyStart) + " bytes)";
    }
}
