package dev.fasthttp.client;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A request for {@link HostClient} or {@link Client}: method, URI, headers and body. Reusable:
 * a caller that keeps one and calls {@link #reset()} between requests allocates nothing to build
 * and send it. Not thread-safe; use one per thread.
 *
 * <pre>{@code
 * ClientRequest req = new ClientRequest().setRequestUri("http://example.com/users/42");
 * req.headers().set("Accept", "application/json");
 * client.doRequest(req, resp);
 * }</pre>
 *
 * The URI is {@code http://host[:port]/path?query}, or for a {@link HostClient} just
 * {@code /path?query}. It is read in place, not copied: setting the same String again costs
 * nothing. Non-ASCII characters and spaces in the path are percent-encoded when sent.
 *
 * <p>The body is bytes held here ({@link #setBody(byte[])} and the like), or a stream read as it
 * is sent ({@link #setBodyStream}, and {@link #setBody(MultipartBody)} for a form with files),
 * which is never held whole. Setting one replaces the other.
 */
public final class ClientRequest {

    private static final int MAX_RETAINED_BODY = 64 * 1024;
    private static final String[] IDEMPOTENT = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"};

    private final ClientHeaders headers = new ClientHeaders(this);
    private final ByteBuf body = new ByteBuf(256);
    private final ByteView bodyView = new ByteView();
    private String method = "GET";
    private boolean connectionClose;
    private boolean expectContinue;
    /** Whether the response is streamed: 0 as the client's settings say, 1 yes, -1 no. */
    private byte streamResponse;

    // A streamed body: read once, as it is sent.
    private InputStream bodyStream;
    private long bodyStreamSize;
    /** Whether reading the stream has begun: the request cannot be sent again. */
    private boolean bodyStreamTaken;

    // The URI, parsed in place: positions into the String.
    private String uri = "/";
    private boolean absolute;
    private boolean https;
    private int hostStart;
    private int hostEnd;
    private int authorityEnd;
    private int port;
    private int targetStart;
    private int targetEnd = 1;

    /**
     * Back to a GET of "/" with no headers and no body, the response streamed as the client's
     * settings say; keeps the buffers. A body stream not sent is closed.
     */
    public ClientRequest reset() {
        headers.reset();
        body.clear(MAX_RETAINED_BODY);
        dropBodyStream();
        method = "GET";
        connectionClose = false;
        expectContinue = false;
        streamResponse = 0;
        return setRequestUri("/");
    }

    /** The method, such as GET or POST. Default GET. */
    public ClientRequest setMethod(String method) {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("empty method");
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c > 0x7F || !Ascii.isToken((byte) c)) {
                throw new IllegalArgumentException("invalid method: " + method);
            }
        }
        this.method = method;
        return this;
    }

    public String method() {
        return method;
    }

    /**
     * {@code http://host[:port]/path?query} or {@code https://...}, or {@code /path?query} for a
     * {@link HostClient}. A fragment ({@code #...}) is not sent.
     */
    public ClientRequest setRequestUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri == this.uri) {
            return this; // the same String: already parsed
        }
        parseUri(uri);
        this.uri = uri;
        return this;
    }

    public String requestUri() {
        return uri;
    }

    public ClientHeaders headers() {
        return headers;
    }

    /** Replaces the body with a copy of {@code bytes}. */
    public ClientRequest setBody(byte[] bytes) {
        clearBody();
        body.append(bytes);
        return this;
    }

    public ClientRequest setBody(byte[] bytes, int offset, int length) {
        clearBody();
        body.append(bytes, offset, length);
        return this;
    }

    public ClientRequest setBody(ByteView bytes) {
        clearBody();
        body.append(bytes.array(), bytes.offset(), bytes.length());
        return this;
    }

    /** Replaces the body with {@code text} as UTF-8. */
    public ClientRequest setBodyString(CharSequence text) {
        clearBody();
        body.appendUtf8(text);
        return this;
    }

    public ClientRequest appendBody(byte[] bytes, int offset, int length) {
        dropBodyStream();
        body.append(bytes, offset, length);
        return this;
    }

    /** An OutputStream appending to the body, for encoders that write to streams; the same instance every time. */
    public OutputStream bodyOutputStream() {
        dropBodyStream();
        return body.outputStream();
    }

    /** The body held here; empty when the body is a stream. */
    public ByteView body() {
        return bodyView.set(body.array(), 0, body.size());
    }

    /**
     * Sends the body from {@code stream}, read as it is sent through a buffer of {@link
     * ClientSettings.Builder#bodyStreamBufferSize} (Go fasthttp's {@code Request.SetBodyStream}):
     * a body of any size goes out in bounded memory. With a {@code size} of 0 or more it is sent
     * with that Content-Length, and a stream that ends sooner fails the call (bytes past the size
     * are not read); with -1 it is sent chunked ({@code Transfer-Encoding: chunked}).
     *
     * <p>The stream is read once: it is closed after it was sent, or when the call fails, or when
     * another body replaces it, and the request forgets it then. A call whose stream had begun to
     * be read is not retried, and a redirect that would send the body again (307, 308) is not
     * followed: its response is returned. A failure while sending (the stream's own, or the
     * connection's) closes the connection, which carries part of a body. A server that answers
     * {@linkplain #setExpectContinue an expectation} with a final status leaves the stream unread
     * here: a 307 or 308 redirect followed carries it on, and so does this request sent again (with
     * credentials after a 401, say); {@link #reset()} closes it.
     *
     * @param size the body's length, or -1 if not known
     */
    public ClientRequest setBodyStream(InputStream stream, long size) {
        Objects.requireNonNull(stream, "stream");
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or more: " + size);
        }
        clearBody();
        bodyStream = stream;
        bodyStreamSize = size;
        return this;
    }

    /**
     * Sends {@code form} as the body, with its Content-Type ({@code multipart/form-data} and the
     * boundary). A form of fields and in-memory files is copied here; one with files from paths or
     * streams is sent as a stream ({@link #setBodyStream}), with a Content-Length when every part's
     * size is known, chunked otherwise.
     */
    public ClientRequest setBody(MultipartBody form) {
        headers.set("Content-Type", form.contentType());
        if (form.isStreamed()) {
            setBodyStream(form.openStream(), form.contentLength());
        } else {
            clearBody();
            form.writeTo(body);
        }
        return this;
    }

    /** Whether the body is a stream ({@link #setBodyStream}) still to be sent. */
    public boolean hasBodyStream() {
        return bodyStream != null;
    }

    /**
     * Asks for the response body as a stream ({@link ClientResponse#bodyStream()}) or read whole,
     * whatever the client's {@link ClientSettings.Builder#streamResponseBody} says. Until set (and
     * after {@link #reset()}), the client's setting decides.
     */
    public ClientRequest setStreamResponseBody(boolean stream) {
        streamResponse = (byte) (stream ? 1 : -1);
        return this;
    }

    /** Whether the response is to be streamed, given the client's default. */
    boolean streamsResponse(boolean clientDefault) {
        return streamResponse == 0 ? clientDefault : streamResponse > 0;
    }

    private void clearBody() {
        body.clear();
        dropBodyStream();
    }

    /** Closes and forgets a body stream not sent. */
    void dropBodyStream() {
        InputStream s = bodyStream;
        bodyStream = null;
        bodyStreamTaken = false;
        if (s != null) {
            closeQuietly(s);
        }
    }

    /** Hands the body stream over to be sent: the request forgets it, and cannot be retried. */
    InputStream takeBodyStream() {
        InputStream s = bodyStream;
        bodyStream = null;
        bodyStreamTaken = true;
        return s;
    }

    long bodyStreamSize() {
        return bodyStreamSize;
    }

    /** Whether this request's body was a stream that has been (or is being) read, so it cannot go again. */
    boolean bodyStreamTaken() {
        return bodyStreamTaken;
    }

    static void closeQuietly(InputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the stream's owner gave it up; nothing more to do with it
        }
    }

    /** Asks the server to close the connection after the response; the client does not reuse it. */
    public ClientRequest setConnectionClose() {
        connectionClose = true;
        return this;
    }

    public boolean connectionClose() {
        return connectionClose;
    }

    /**
     * Sends the head alone with {@code Expect: 100-continue} and the body only once the server
     * says {@code 100 Continue} (RFC 9110 10.1.1), as Go's transport and the JDK's {@code
     * HttpClient.Builder.expectContinue} do: a server that refuses the request from its head
     * (401, 413, 417...) answers before a byte of the body is sent, and that answer is the call's
     * response. The body is not sent then, and its connection, on which the server cannot tell
     * where the unsent body would have ended, is closed. A server that says nothing within {@link
     * ClientSettings.Builder#expectContinueTimeout} (1 s) gets the body anyway: one that does not
     * know the expectation never answers it. Worth it for large bodies a server may refuse; a
     * round trip lost for small ones. Only a request with a body asks: the header is not sent
     * without one (RFC 9110 10.1.1 forbids it).
     *
     * <p>Setting the header ({@code headers().set("Expect", "100-continue")}) does the same, so
     * that a header copied from elsewhere does what it says rather than going out with the body
     * right behind it; deleting the header clears this. A 417 (Expectation Failed) is returned as
     * it is: RFC 9110 10.1.1 says to repeat the request without the expectation, which the caller
     * can do with the body still unsent (a stream stays with the request, see {@link
     * #setBodyStream}). {@link PipelineClient} refuses such a request.
     */
    public ClientRequest setExpectContinue(boolean expect) {
        expectContinue = expect;
        return this;
    }

    /** Whether {@code Expect: 100-continue} was asked for, body or not. */
    public boolean expectContinue() {
        return expectContinue;
    }

    /** Whether the request goes out with {@code Expect: 100-continue}: asked for, and a body to hold back. */
    boolean expectsContinue() {
        return expectContinue && (bodyStream != null || body.size() > 0);
    }

    /** Whether repeating the request is harmless (RFC 9110 9.2.2): retried on connection failures. */
    public boolean isIdempotent() {
        for (String m : IDEMPOTENT) {
            if (m.equals(method)) {
                return true;
            }
        }
        return false;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    // ---- the URI ---------------------------------------------------------------------------

    /** Whether the URI names a host ({@code http://...}) rather than only a path. */
    boolean isAbsolute() {
        return absolute;
    }

    boolean isHttps() {
        return https;
    }

    /** The host of an absolute URI, as written (an IPv6 literal keeps its brackets). */
    String host() {
        return uri.substring(hostStart, hostEnd);
    }

    /** Compares the host of an absolute URI with {@code host}, ignoring case, without allocating. */
    boolean hostEquals(String host) {
        return hostEnd - hostStart == host.length() && uri.regionMatches(true, hostStart, host, 0, host.length());
    }

    int port() {
        return port;
    }

    /** Whether a client of {@code host:port} (https or not) may send this: a path, or an absolute URI naming it. */
    boolean isFor(boolean https, String host, int port) {
        return !absolute || this.https == https && this.port == port && hostEquals(host);
    }

    /** {@code scheme://authority} of an absolute URI, empty for a path-only one. */
    String origin() {
        return uri.substring(0, absolute ? authorityEnd : 0);
    }

    /** The path, without query: what a relative redirect is resolved against. */
    String path() {
        int query = uri.indexOf('?', targetStart);
        int end = query < 0 || query > targetEnd ? targetEnd : query;
        return end == targetStart ? "/" : uri.substring(targetStart, end);
    }

    private void parseUri(String u) {
        int schemeEnd = u.indexOf("://");
        if (schemeEnd > 0 && u.charAt(0) != '/') {
            if (schemeEnd == 4 && u.regionMatches(true, 0, "http", 0, 4)) { // compared in place: no garbage
                https = false;
            } else if (schemeEnd == 5 && u.regionMatches(true, 0, "https", 0, 5)) {
                https = true;
            } else {
                throw new IllegalArgumentException("not an http URI: " + u);
            }
            absolute = true;
            hostStart = schemeEnd + 3;
            int authorityEnd = hostStart;
            while (authorityEnd < u.length() && "/?#".indexOf(u.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            if (u.lastIndexOf('@', authorityEnd - 1) >= hostStart) {
                throw new IllegalArgumentException("user information in URIs is not supported: " + u);
            }
            int colon = u.charAt(hostStart) == '['
                    ? u.indexOf("]:", hostStart) + 1
                    : u.lastIndexOf(':', authorityEnd - 1);
            if (colon >= hostStart && colon > 0 && colon < authorityEnd && u.charAt(colon) == ':') {
                hostEnd = colon;
                port = parsePort(u, colon + 1, authorityEnd);
            } else {
                hostEnd = authorityEnd;
                port = https ? 443 : 80;
            }
            if (hostEnd == hostStart) {
                throw new IllegalArgumentException("no host in " + u);
            }
            checkHost(u, hostStart, hostEnd);
            this.authorityEnd = authorityEnd;
            targetStart = authorityEnd;
        } else if (u.startsWith("/")) {
            absolute = false;
            https = false;
            targetStart = 0;
        } else {
            throw new IllegalArgumentException("a request URI is http://host/path or /path: " + u);
        }
        int fragment = u.indexOf('#', targetStart);
        targetEnd = fragment < 0 ? u.length() : fragment;
    }

    /**
     * Refuses a host this client could not dial and should not write into a Host header: it takes
     * a name of ASCII letters, digits, '-', '.', '_' and '~' (an internationalized name in its
     * ASCII form, see {@link java.net.IDN}) or an IPv6 address in brackets. A space or a line
     * break, above all, would otherwise go out as they are.
     */
    private static void checkHost(String u, int from, int to) {
        boolean literal = u.charAt(from) == '[';
        if (literal && (to - from < 3 || u.charAt(to - 1) != ']')) {
            throw new IllegalArgumentException("invalid host in " + u);
        }
        for (int i = literal ? from + 1 : from, end = literal ? to - 1 : to; i < end; i++) {
            char c = u.charAt(i);
            boolean allowed = literal
                    ? Character.digit(c, 16) >= 0 || c == ':' || c == '.'
                    : c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~');
            if (!allowed) {
                throw new IllegalArgumentException("invalid host in " + u);
            }
        }
    }

    private static int parsePort(String u, int from, int to) {
        int port = 0;
        if (from == to || to - from > 5) {
            throw new IllegalArgumentException("invalid port in " + u);
        }
        for (int i = from; i < to; i++) {
            char c = u.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("invalid port in " + u);
            }
            port = port * 10 + (c - '0');
        }
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port in " + u);
        }
        return port;
    }

    // ---- encoding --------------------------------------------------------------------------

    /**
     * Writes the head (and a small body) into {@code out}.
     *
     * @param defaultHost the Host header for a path-only URI (the host client's host)
     * @return whether the body still has to be written after {@code out}
     */
    boolean encode(ByteBuf out, String defaultHost, String userAgent, int inlineBodyLimit) {
        out.appendLatin1(method).append((byte) ' ');
        appendTarget(out);
        out.appendLatin1(" HTTP/1.1\r\n");
        if (!headers.hostSet()) {
            out.appendLatin1("Host: ");
            if (absolute) {
                boolean defaultPort = port == (https ? 443 : 80);
                out.appendLatin1(uri, hostStart, defaultPort ? hostEnd : authorityEnd);
            } else {
                out.appendLatin1(defaultHost);
            }
            out.append((byte) '\r').append((byte) '\n');
        }
        if (userAgent != null && !headers.userAgentSet()) {
            out.appendLatin1("User-Agent: ").appendLatin1(userAgent).append((byte) '\r').append((byte) '\n');
        }
        int length = body.size();
        if (bodyStream != null) {
            if (bodyStreamSize >= 0) {
                out.appendLatin1("Content-Length: ").appendDecimal(bodyStreamSize).append((byte) '\r').append((byte) '\n');
            } else {
                out.appendLatin1("Transfer-Encoding: chunked\r\n");
            }
        } else if (length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            out.appendLatin1("Content-Length: ").appendDecimal(length).append((byte) '\r').append((byte) '\n');
        }
        if (connectionClose) {
            out.appendLatin1("Connection: close\r\n");
        }
        boolean expect = expectsContinue();
        if (expect) {
            out.appendLatin1("Expect: 100-continue\r\n");
        }
        ByteBuf lines = headers.wireLines();
        out.append(lines.array(), 0, lines.size());
        out.append((byte) '\r').append((byte) '\n');
        if (bodyStream != null || expect) {
            return true; // a body held back for 100 Continue goes in a write of its own
        }
        if (length <= inlineBodyLimit) {
            out.append(body.array(), 0, length);
            return false;
        }
        return true;
    }

    ByteBuf bodyBuffer() {
        return body;
    }

    /** The path and query, with spaces, controls and non-ASCII percent-encoded (as UTF-8). */
    private void appendTarget(ByteBuf out) {
        if (targetStart == targetEnd) {
            out.append((byte) '/');
            return;
        }
        if (uri.charAt(targetStart) == '?') {
            out.append((byte) '/');
        }
        for (int i = targetStart; i < targetEnd; i++) {
            char c = uri.charAt(i);
            if (c > 0x20 && c < 0x7F) {
                out.append((byte) c);
            } else if (c < 0x80) {
                percent(out, c);
            } else {
                int cp = Character.codePointAt(uri, i);
                if (Character.charCount(cp) == 2) {
                    i++;
                }
                if (cp < 0x800) {
                    percent(out, 0xC0 | (cp >> 6));
                } else {
                    if (cp < 0x10000) {
                        percent(out, 0xE0 | (cp >> 12));
                    } else {
                        percent(out, 0xF0 | (cp >> 18));
                        percent(out, 0x80 | ((cp >> 12) & 0x3F));
                    }
                    percent(out, 0x80 | ((cp >> 6) & 0x3F));
                }
                percent(out, 0x80 | (cp & 0x3F));
            }
        }
    }

    private static void percent(ByteBuf out, int b) {
        out.append((byte) '%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
