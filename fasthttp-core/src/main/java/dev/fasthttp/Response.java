package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HeaderBlock;
import java.io.OutputStream;
import java.nio.ByteBuffer;

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
    private final ByteBuf contentType = new ByteBuf(32);
    private boolean contentTypeSet;
    private final ByteView contentTypeView = new ByteView();
    private final ByteBuf body = new ByteBuf(256);
    private final ByteView bodyView = new ByteView();
    private ByteBuffer bodyNio;
    private boolean connectionClose;
    private BodyStreamWriter streamWriter;

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
        this.streamWriter = writer;
        return this;
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

    /** The length of the body set so far, or -1 when a stream writer will write it (length unknown). */
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
