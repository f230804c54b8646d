package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.Method;
import dev.fasthttp.internal.http1.PathNormalizer;
import dev.fasthttp.internal.http1.RequestHead;

/**
 * The request being served: its line, headers and body, read in place from the bytes the
 * connection received.
 *
 * <p>Every {@link ByteView} returned here is valid only until the handler returns; the
 * {@code String} conveniences ({@code ...String()} methods, {@code get(...)}) allocate.
 */
public final class Request {

    private static final int MAX_RETAINED_ARENA = 16 * 1024;

    final RequestHead head = new RequestHead();
    private final RequestHeaders headers = new RequestHeaders(head);
    private final Uri uri = new Uri(this);

    private final ByteView method = new ByteView();
    private final ByteView requestUri = new ByteView();
    private final ByteView path = new ByteView();
    private final ByteView pathOriginal = new ByteView();
    private final ByteView queryString = new ByteView();
    private final ByteView host = new ByteView();
    private final ByteView scheme = new ByteView();
    private final ByteView body = new ByteView();
    private final RequestTrailers trailers = new RequestTrailers();

    private final ByteBuf pathArena = new ByteBuf(64);
    private final Args queryArgs = new Args();
    private final Args postArgs = new Args();
    private boolean queryArgsParsed;
    private boolean postArgsParsed;
    /** The body read as it arrives, for a request whose handler streams it; else null. */
    private StreamedRequestBody streamedBody;

    private static final byte[] HTTP = {'h', 't', 't', 'p'};

    Request() {
    }

    void reset() {
        head.clear();
        headers.reset();
        method.clear();
        requestUri.clear();
        path.clear();
        pathOriginal.clear();
        queryString.clear();
        host.clear();
        scheme.clear();
        body.clear();
        trailers.reset();
        pathArena.clear(MAX_RETAINED_ARENA);
        queryArgs.clear();
        postArgs.clear();
        queryArgsParsed = false;
        postArgsParsed = false;
        streamedBody = null;
    }

    /**
     * Points the views at the parsed head. With {@code normalize}, the path is decoded and
     * cleaned of dot segments and repeated slashes.
     *
     * @return false if the path cannot be normalized (a malformed escape or NUL)
     */
    boolean bind(boolean normalize) {
        byte[] b = head.buffer();
        method.set(b, head.methodStart(), head.methodEnd() - head.methodStart());
        requestUri.set(b, head.targetStart(), head.targetEnd() - head.targetStart());
        int pathStart = head.pathStart();
        int pathEnd = head.pathEnd();
        pathOriginal.set(b, pathStart, pathEnd - pathStart);
        if (head.queryStart() >= 0) {
            queryString.set(b, head.queryStart(), head.queryEnd() - head.queryStart());
        }
        if (head.authorityStart() >= 0) {
            host.set(b, head.authorityStart(), head.authorityEnd() - head.authorityStart());
            scheme.set(b, head.schemeStart(), head.schemeEnd() - head.schemeStart());
        } else {
            if (head.hostHeader() >= 0) {
                int i = head.hostHeader();
                host.set(b, head.headerValueStart(i), head.headerValueEnd(i) - head.headerValueStart(i));
            }
            scheme.set(HTTP, 0, HTTP.length);
        }
        if (!normalize || isAsterisk(b, pathStart, pathEnd) || isNormal(b, pathStart, pathEnd)) {
            path.set(b, pathStart, pathEnd - pathStart);
            return true;
        }
        pathArena.clear();
        if (!PathNormalizer.normalize(b, pathStart, pathEnd, pathArena)) {
            return false;
        }
        path.set(pathArena.array(), 0, pathArena.size());
        return true;
    }

    /** A path with no escapes, no empty and no dot segments is already normal: no copy needed. */
    private static boolean isNormal(byte[] b, int start, int end) {
        if (start == end || b[start] != '/') {
            return false;
        }
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == '%' || (c == '/' && i + 1 < end && (b[i + 1] == '/' || b[i + 1] == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsterisk(byte[] b, int start, int end) {
        return end - start == 1 && b[start] == '*';
    }

    void setBody(byte[] array, int offset, int length) {
        body.set(array, offset, length);
    }

    /** The chunked body's trailer section is {@code buf[from, to)}; nothing if {@code from} is -1. */
    void setTrailers(byte[] buf, int from, int to) {
        if (from >= 0) {
            trailers.set(buf, from, to);
        }
    }

    /** The trailer fields that came after a chunked body; empty if none did, or the body is not read yet. */
    public RequestTrailers trailers() {
        return trailers;
    }

    void streamBody(StreamedRequestBody stream) {
        this.streamedBody = stream;
    }

    StreamedRequestBody streamedBody() {
        return streamedBody;
    }

    /**
     * Whether the body is read as it arrives ({@link RequestCtx#requestBodyStream()}) rather than
     * buffered ({@link #body()}): see {@link RequestBodyStreaming}.
     */
    public boolean isBodyStreamed() {
        return streamedBody != null;
    }

    /** The method, as sent (case-sensitive). */
    public ByteView method() {
        return method;
    }

    public String methodString() {
        return method.toString();
    }

    public boolean isGet() {
        return head.buffer() != null && head.method() == Method.GET;
    }

    public boolean isHead() {
        return head.buffer() != null && head.method() == Method.HEAD;
    }

    public boolean isPost() {
        return head.buffer() != null && head.method() == Method.POST;
    }

    public boolean isPut() {
        return head.buffer() != null && head.method() == Method.PUT;
    }

    public boolean isDelete() {
        return head.buffer() != null && head.method() == Method.DELETE;
    }

    /** The request target exactly as sent: path and query, or the absolute URI. */
    public ByteView requestUri() {
        return requestUri;
    }

    /** The path, percent-decoded and normalized unless the server disables it. */
    public ByteView path() {
        return path;
    }

    /** The path as sent, still percent-encoded. */
    public ByteView pathOriginal() {
        return pathOriginal;
    }

    /** The query string without '?', as sent; empty if none. */
    public ByteView queryString() {
        return queryString;
    }

    /** The host: from an absolute-form target, else the Host header; empty if neither. */
    public ByteView host() {
        return host;
    }

    /** "http", or the scheme of an absolute-form target. */
    public ByteView scheme() {
        return scheme;
    }

    public Uri uri() {
        return uri;
    }

    public RequestHeaders headers() {
        return headers;
    }

    /**
     * The decoded body (chunked bodies arrive here de-chunked); empty if none.
     *
     * @throws IllegalStateException if the body is {@linkplain #isBodyStreamed() streamed}: it
     *         was never whole in memory
     */
    public ByteView body() {
        if (streamedBody != null) {
            throw new IllegalStateException("the request body is streamed: read it with RequestCtx.requestBodyStream()");
        }
        return body;
    }

    /** The query arguments, decoded. */
    public Args queryArgs() {
        if (!queryArgsParsed) {
            queryArgsParsed = true;
            queryArgs.parse(queryString.array(), queryString.offset(), queryString.offset() + queryString.length());
        }
        return queryArgs;
    }

    /** The arguments of an {@code application/x-www-form-urlencoded} body; empty for other bodies. */
    public Args postArgs() {
        if (!postArgsParsed) {
            postArgsParsed = true;
            ByteView type = headers.contentType();
            if (type != null && type.startsWithIgnoreCase("application/x-www-form-urlencoded")) {
                postArgs.parse(body.array(), body.offset(), body.offset() + body.length());
            }
        }
        return postArgs;
    }

    /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
    public int minorVersion() {
        return head.minorVersion();
    }

    /** "HTTP/1.1" or "HTTP/1.0". */
    public String protocol() {
        return head.minorVersion() == 0 ? "HTTP/1.0" : "HTTP/1.1";
    }
}
