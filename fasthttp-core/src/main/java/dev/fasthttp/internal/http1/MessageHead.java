package dev.fasthttp.internal.http1;

import java.util.Arrays;

/**
 * What the head of every HTTP/1 message carries, request or response (RFC 9112 2): version,
 * header fields, body framing and connection options. Positions into the buffer that holds it,
 * nothing copied; reused message after message.
 */
public abstract sealed class MessageHead permits RequestHead, ResponseHead {

    /** Fields per header in {@link #headers}: name start, name end, value start, value end. */
    private static final int FIELDS = 4;

    byte[] buffer;
    int start;
    int end;
    int minorVersion;

    private int[] headers = new int[16 * FIELDS];
    int headerCount;

    int contentTypeHeader = -1;
    long contentLength = -1;
    boolean chunked;
    boolean transferEncodingSeen;
    boolean unsupportedCoding;
    boolean connectionClose;
    boolean connectionKeepAlive;

    /** Forgets the last message: until the next parse, the head is empty and has no buffer. */
    public void clear() {
        reset(null, 0);
    }

    void reset(byte[] buffer, int start) {
        this.buffer = buffer;
        this.start = start;
        end = start;
        minorVersion = 1;
        headerCount = 0;
        contentTypeHeader = -1;
        contentLength = -1;
        chunked = transferEncodingSeen = unsupportedCoding = false;
        connectionClose = connectionKeepAlive = false;
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
    /** Where the start line begins. */
    public int start() { return start; }
    /** Just after the empty line that ends the head: where the body begins. */
    public int end() { return end; }
    /** 0 for HTTP/1.0, 1 for HTTP/1.1 (and later 1.x, which are treated as 1.1). */
    public int minorVersion() { return minorVersion; }

    public int headerCount() { return headerCount; }
    public int headerNameStart(int i) { return headers[i * FIELDS]; }
    public int headerNameEnd(int i) { return headers[i * FIELDS + 1]; }
    public int headerValueStart(int i) { return headers[i * FIELDS + 2]; }
    public int headerValueEnd(int i) { return headers[i * FIELDS + 3]; }

    /** Index of the first Content-Type header, or -1. */
    public int contentTypeHeader() { return contentTypeHeader; }
    /** Declared body length, or -1 when there is no Content-Length. */
    public long contentLength() { return contentLength; }
    public boolean chunked() { return chunked; }
    public boolean connectionClose() { return connectionClose; }
    public boolean connectionKeepAlive() { return connectionKeepAlive; }

    /**
     * Whether the sender asked for, or by its version defaults to, a persistent connection. Never
     * for an HTTP/1.0 message with Transfer-Encoding, whose framing RFC 9112 6.1 calls faulty: the
     * connection is closed after it.
     */
    public boolean keepAlive() {
        return minorVersion >= 1 ? !connectionClose : connectionKeepAlive && !connectionClose && !transferEncodingSeen;
    }
}
