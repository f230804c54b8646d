package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HeaderBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The response being built: status, headers and body, which a handler may set in any order and
 * overwrite until it returns. Nothing reaches the wire before that.
 *
 * <p>The body is kept in a reusable buffer; the {@code setBody...}/{@code write...} methods copy
 * into it. Defaults: status 200, {@code Content-Type: text/plain; charset=utf-8} unless the server
 * disables it, empty body.
 */
public final class Response {

    /** A body that grew larger than this is not kept for the next request. */
    private static final int MAX_RETAINED_BODY = 64 * 1024;

    private int status = 200;
    private final ResponseHeaders headers = new ResponseHeaders(this);
    private final ResponseTrailers trailers = new ResponseTrailers();
    private final ByteBuf contentType = new ByteBuf(32);
    private boolean contentTypeSet;
    private final ByteView contentTypeView = new ByteView();
    private final ByteBuf body = new ByteBuf(256);
    private final ByteView bodyView = new ByteView();
    private ByteBuffer bodyNio;
    private boolean connectionClose;
    private BodyStreamWriter streamWriter;
    /** A body to send from a stream, with its size (-1: unknown, chunked); closed once sent or discarded. */
    private InputStream bodyStream;
    private long bodyStreamSize = -1;

    Response() {
    }

    void reset() {
        status = 200;
        headers.reset();
        contentType.clear();
        contentTypeSet = false;
        body.clear(MAX_RETAINED_BODY);
        connectionClose = false;
        streamWriter = null;
        trailers.reset();
        closeBodyStream();
    }

    public int statusCode() {
        return status;
    }

    /** Sets the status; any three-digit code. */
    public Response setStatusCode(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must have three digits: " + status);
        }
        this.status = status;
        return this;
    }

    public ResponseHeaders headers() {
        return headers;
    }

    /** Fields sent after the body; a response with any is sent chunked. */
    public ResponseTrailers trailers() {
        return trailers;
    }

    /** Whether the body goes in chunks ended by trailers: some are set or declared, and the client speaks HTTP/1.1. */
    boolean sendsTrailers(Request request) {
        return !trailers.isEmpty() && request.minorVersion() >= 1;
    }

    public Response setContentType(CharSequence type) {
        HeaderBlock.checkValue(type);
        contentType.clear();
        contentType.appendLatin1(type);
        contentTypeSet = true;
        return this;
    }

    void clearContentType() {
        contentType.clear();
        contentTypeSet = false;
    }

    /** The Content-Type the handler set, or null if it set none (the server's default is then sent). */
    public ByteView contentType() {
        return contentTypeSet ? contentTypeView.set(contentType.array(), 0, contentType.size()) : null;
    }

    boolean contentTypeSet() {
        return contentTypeSet;
    }

    ByteBuf contentTypeBytes() {
        return contentType;
    }

    /** Adds a {@code Set-Cookie} header. */
    public Response setCookie(Cookie cookie) {
        headers.addCookie(cookie);
        return this;
    }

    /** Replaces the body with a copy of {@code bytes}. */
    public Response setBody(byte[] bytes) {
        body.clear();
        body.append(bytes);
        return this;
    }

    public Response setBody(byte[] bytes, int offset, int length) {
        body.clear();
        body.append(bytes, offset, length);
        return this;
    }

    public Response setBody(ByteView bytes) {
        body.clear();
        body.append(bytes.array(), bytes.offset(), bytes.length());
        return this;
    }

    /** Replaces the body with {@code text} encoded as UTF-8. */
    public Response setBodyString(CharSequence text) {
        body.clear();
        body.appendUtf8(text);
        return this;
    }

    /** Appends to the body. */
    public Response appendBody(byte[] bytes, int offset, int length) {
        body.append(bytes, offset, length);
        return this;
    }

    public Response appendBody(byte[] bytes) {
        body.append(bytes);
        return this;
    }

    public Response appendBody(ByteView bytes) {
        body.append(bytes.array(), bytes.offset(), bytes.length());
        return this;
    }

    /** Appends {@code text} as UTF-8. */
    public Response appendBodyString(CharSequence text) {
        body.appendUtf8(text);
        return this;
    }

    public Response resetBody() {
        body.clear();
        return this;
    }

    /** The body so far; valid until it is changed. */
    public ByteView body() {
        return bodyView.set(body.array(), 0, body.size());
    }

    /**
     * An OutputStream that appends to the body, for encoders that write to streams (JSON
     * libraries, templates). The same instance every time; closing it does nothing.
     */
    public OutputStream bodyOutputStream() {
        return body.outputStream();
    }

    /**
     * Streams the body instead: {@code writer} runs after the handler returns, and the body goes
     * out chunked as it writes. A body set otherwise is discarded.
     */
    public Response setBodyStreamWriter(BodyStreamWriter writer) {
        closeBodyStream();
        this.streamWriter = writer;
        return this;
    }

    /**
     * Sends the body from {@code stream} (fasthttp's {@code SetBodyStream}): read after the handler
     * returns, on a virtual thread, at the pace the client takes it, so a body of any size goes
     * out through a buffer of {@code writeBufferSize}; closed once sent, or when the request ends
     * without it being sent (a HEAD request, a failed connection). With a {@code size} of 0 or
     * more the body is sent with that Content-Length, and a stream that ends sooner cuts the
     * connection, since the promised length cannot be kept; with -1 it is sent chunked (to
     * HTTP/1.0 clients: until the connection closes). A body set otherwise is discarded.
     */
    public Response setBodyStream(InputStream stream, long size) {
        Objects.requireNonNull(stream, "stream");
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or more: " + size);
        }
        closeBodyStream();
        this.bodyStream = stream;
        this.bodyStreamSize = size;
        this.streamWriter = out -> copy(stream, out, size);
        return this;
    }

    /** The Content-Length a streamed body is sent with, or -1 when it goes out chunked. */
    long bodyStreamSize() {
        return bodyStream == null ? -1 : bodyStreamSize;
    }

    /** What the head's Content-Length says: the sized stream's length, else the buffered body's. */
    long contentLength() {
        return bodyStream != null && bodyStreamSize >= 0 ? bodyStreamSize : body.size();
    }

    /** Copies {@code size} bytes (all, for -1) of {@code in} to {@code out}; the stream body closes it after. */
    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[8192];
        long left = size < 0 ? Long.MAX_VALUE : size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (size < 0) {
                    return;
                }
                throw new IOException("the body stream ended " + left + " bytes short of its size " + size);
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** Closes the body stream, if any: sent, failed, or never to be sent. */
    void closeBodyStream() {
        if (bodyStream != null) {
            try {
                bodyStream.close();
            } catch (IOException ignored) {
                // closing what was never sent: nobody to tell
            }
            bodyStream = null;
            bodyStreamSize = -1;
        }
    }

    BodyStreamWriter streamWriter() {
        return streamWriter;
    }

    /** Closes the connection after this response. */
    public Response setConnectionClose() {
        connectionClose = true;
        return this;
    }

    public boolean connectionClose() {
        return connectionClose;
    }

    /** The length of the body set so far, or -1 when a stream (or a stream writer) will send it. */
    public int bodyLength() {
        return streamWriter != null ? -1 : body.size();
    }

    ByteBuf bodyBuffer() {
        return body;
    }

    /** The body as a ByteBuffer over the body array, rebuilt only when the array grew. */
    ByteBuffer bodyNio() {
        if (bodyNio == null || bodyNio.array() != body.array()) {
            bodyNio = ByteBuffer.wrap(body.array());
        }
        bodyNio.limit(body.size()).position(0);
        return bodyNio;
    }

    /**
     * Discards what has been set so far (status, headers, cookies, content type, body, stream
     * writer), as before the handler ran, keeping only a decision to close the connection: for a
     * handler that fails half-way and answers with an error instead.
     */
    public Response discard() {
        resetForError(200);
        return this;
    }

    /** Clears status, headers and body, keeping connection close; for error responses. */
    void resetForError(int status) {
        boolean close = connectionClose;
        reset();
        this.status = status;
        connectionClose = close;
    }
}
