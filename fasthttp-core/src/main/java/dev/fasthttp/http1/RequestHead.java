package dev.fasthttp.http1;

import java.util.Arrays;

/**
 * A parsed request head: positions into the buffer that holds it, nothing copied.
 *
 * <p>Filled by {@link RequestParser}; reused for every request on a connection. Positions are
 * absolute indexes into {@link #buffer()}; an absent part has start and end -1.
 */
public final class RequestHead {

    /** Fields per header in {@link #headers}: name start, name end, value start, value end. */
    private static final int FIELDS = 4;

    byte[] buffer;
    int start;
    int end;

    int methodStart, methodEnd;
    Method method;
    int targetStart, targetEnd;
    int schemeStart = -1, schemeEnd = -1;
    int authorityStart = -1, authorityEnd = -1;
    int pathStart, pathEnd;
    int queryStart = -1, queryEnd = -1;
    int minorVersion;

    int[] headers = new int[16 * FIELDS];
    int headerCount;

    int hostHeader = -1;
    int contentTypeHeader = -1;
    int cookieHeader = -1;
    int userAgentHeader = -1;
    int refererHeader = -1;
    long contentLength = -1;
    boolean chunked;
    boolean transferEncodingSeen;
    boolean unsupportedCoding;
    boolean connectionClose;
    boolean connectionKeepAlive;
    boolean expectContinue;

    /** Forgets the last request: until the next parse, the head is empty and has no buffer. */
    public void clear() {
        reset(null, 0);
    }

    void reset(byte[] buffer, int start) {
        this.buffer = buffer;
        this.start = start;
        end = start;
        method = Method.OTHER;
        schemeStart = schemeEnd = authorityStart = authorityEnd = queryStart = queryEnd = -1;
        headerCount = 0;
        hostHeader = contentTypeHeader = cookieHeader = userAgentHeader = refererHeader = -1;
        contentLength = -1;
        chunked = transferEncodingSeen = unsupportedCoding = false;
        connectionClose = connectionKeepAlive = expectContinue = false;
    }

    int addHeader(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        int i = headerCount * FIELDS;
        if (i == headers.length) {
            headers = Arrays.copyOf(headers, headers.length * 2);
        }
        headers[i] = nameStart;
        headers[i + 1] = nameEnd;
        headers[i + 2] = valueStart;
        headers[i + 3] = valueEnd;
        return headerCount++;
    }

    public byte[] buffer() { return buffer; }
    /** Where the request line begins. */
    public int start() { return start; }
    /** Just after the empty line that ends the head: where the body begins. */
    public int end() { return end; }

    public int methodStart() { return methodStart; }
    public int methodEnd() { return methodEnd; }
    public Method method() { return method; }
    public int targetStart() { return targetStart; }
    public int targetEnd() { return targetEnd; }
    public int schemeStart() { return schemeStart; }
    public int schemeEnd() { return schemeEnd; }
    public int authorityStart() { return authorityStart; }
    public int authorityEnd() { return authorityEnd; }
    public int pathStart() { return pathStart; }
    public int pathEnd() { return pathEnd; }
    public int queryStart() { return queryStart; }
    public int queryEnd() { return queryEnd; }
    /** 0 for HTTP/1.0, 1 for HTTP/1.1 (and later 1.x, which are served as 1.1). */
    public int minorVersion() { return minorVersion; }

    public int headerCount() { return headerCount; }
    public int headerNameStart(int i) { return headers[i * FIELDS]; }
    public int headerNameEnd(int i) { return headers[i * FIELDS + 1]; }
    public int headerValueStart(int i) { return headers[i * FIELDS + 2]; }
    public int headerValueEnd(int i) { return headers[i * FIELDS + 3]; }

    /** Index of the header, or -1. */
    public int hostHeader() { return hostHeader; }
    public int contentTypeHeader() { return contentTypeHeader; }
    public int cookieHeader() { return cookieHeader; }
    public int userAgentHeader() { return userAgentHeader; }
    public int refererHeader() { return refererHeader; }

    /** Declared body length, or -1 when there is no Content-Length (the body is then empty or chunked). */
    public long contentLength() { return contentLength; }
    public boolean chunked() { return chunked; }
    public boolean connectionClose() { return connectionClose; }
    public boolean connectionKeepAlive() { return connectionKeepAlive; }
    public boolean expectContinue() { return expectContinue; }

    /** Whether the client asked for, or by its version defaults to, a persistent connection. */
    public boolean keepAlive() {
        return minorVersion >= 1 ? !connectionClose : connectionKeepAlive && !connectionClose;
    }
}
