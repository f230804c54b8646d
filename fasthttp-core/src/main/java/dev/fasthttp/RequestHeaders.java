package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.http1.RequestHead;
import dev.fasthttp.internal.http1.ViewTable;
import java.util.Arrays;

/**
 * The request's header fields, read in place from the bytes received.
 *
 * <p>Names compare case-insensitively. Values are returned as views, trimmed of surrounding
 * whitespace, valid until the handler returns. Absent headers are {@code null}.
 */
public final class RequestHeaders {

    private static final int COOKIE_FIELDS = 4;

    private final RequestHead head;
    private final ViewTable views = new ViewTable();

    private int[] cookies = new int[4 * COOKIE_FIELDS];
    private int cookieCount = -1; // -1: not parsed yet
    private final ViewTable cookieViews = new ViewTable();

    RequestHeaders(RequestHead head) {
        this.head = head;
    }

    void reset() {
        cookieCount = -1;
    }

    /** Number of header lines, repeated names counted each time. */
    public int size() {
        return head.buffer() == null ? 0 : head.headerCount();
    }

    /** The i-th header name, as sent. */
    public ByteView name(int i) {
        checkIndex(i);
        int start = head.headerNameStart(i);
        return views.key(i).set(head.buffer(), start, head.headerNameEnd(i) - start);
    }

    /** The i-th header value. */
    public ByteView value(int i) {
        checkIndex(i);
        int start = head.headerValueStart(i);
        return views.value(i).set(head.buffer(), start, head.headerValueEnd(i) - start);
    }

    /** The value of the first header called {@code name}, or null. */
    public ByteView peek(String name) {
        int i = indexOf(name);
        return i < 0 ? null : value(i);
    }

    /** The value of the first header called {@code name} as a String, or null. Allocates. */
    public String get(String name) {
        ByteView v = peek(name);
        return v == null ? null : v.toString();
    }

    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    public void visitAll(KeyValueVisitor visitor) {
        for (int i = 0, n = size(); i < n; i++) {
            visitor.visit(name(i), value(i));
        }
    }

    public ByteView host() {
        return known(head.hostHeader());
    }

    public ByteView contentType() {
        return known(head.contentTypeHeader());
    }

    public ByteView userAgent() {
        return known(head.userAgentHeader());
    }

    public ByteView referer() {
        return known(head.refererHeader());
    }

    /** The declared Content-Length, or -1 when there is none. */
    public long contentLength() {
        return head.buffer() == null ? -1 : head.contentLength();
    }

    /** Whether the request came with {@code Transfer-Encoding: chunked}. */
    public boolean isChunked() {
        return head.buffer() != null && head.chunked();
    }

    /** Whether the client asked to close the connection after this request. */
    public boolean connectionClose() {
        return head.buffer() != null && head.connectionClose();
    }

    /** The value of the cookie called {@code name}, or null. */
    public ByteView cookie(String name) {
        parseCookies();
        byte[] b = head.buffer();
        for (int i = 0; i < cookieCount; i++) {
            int o = i * COOKIE_FIELDS;
            if (Ascii.equals(b, cookies[o], cookies[o + 1] - cookies[o], name)) {
                return cookieValue(i);
            }
        }
        return null;
    }

    public int cookieCount() {
        parseCookies();
        return cookieCount;
    }

    public void visitCookies(KeyValueVisitor visitor) {
        parseCookies();
        for (int i = 0; i < cookieCount; i++) {
            int o = i * COOKIE_FIELDS;
            visitor.visit(cookieViews.key(i).set(head.buffer(), cookies[o], cookies[o + 1] - cookies[o]), cookieValue(i));
        }
    }

    private ByteView cookieValue(int i) {
        int o = i * COOKIE_FIELDS;
        return cookieViews.value(i).set(head.buffer(), cookies[o + 2], cookies[o + 3] - cookies[o + 2]);
    }

    /** Splits every Cookie header into {@code name=value} pairs (RFC 6265 5.4), in place. */
    private void parseCookies() {
        if (cookieCount >= 0) {
            return;
        }
        cookieCount = 0;
        byte[] b = head.buffer();
        if (b == null) {
            return;
        }
        for (int h = head.cookieHeader(); h >= 0 && h < head.headerCount(); h++) {
            if (h != head.cookieHeader() && !Ascii.equalsIgnoreCase(b, head.headerNameStart(h),
                    head.headerNameEnd(h) - head.headerNameStart(h), "cookie")) {
                continue;
            }
            parseCookieHeader(b, head.headerValueStart(h), head.headerValueEnd(h));
        }
    }

    /** Pairs are split at ';', names and values trimmed of spaces and tabs (RFC 6265 5.2). */
    private void parseCookieHeader(byte[] b, int p, int end) {
        while (p < end) {
            while (p < end && (Ascii.isWhitespace(b[p]) || b[p] == ';')) {
                p++;
            }
            int pairEnd = p;
            while (pairEnd < end && b[pairEnd] != ';') {
                pairEnd++;
            }
            if (pairEnd == p) {
                break;
            }
            int eq = p;
            while (eq < pairEnd && b[eq] != '=') {
                eq++;
            }
            int nameStart = p, nameEnd = eq, valueStart = eq + 1, valueEnd = pairEnd;
            if (eq == pairEnd) { // no '=': the whole pair is a value with an empty name
                nameEnd = nameStart;
                valueStart = p;
            }
            while (valueStart < valueEnd && Ascii.isWhitespace(b[valueStart])) {
                valueStart++;
            }
            while (valueEnd > valueStart && Ascii.isWhitespace(b[valueEnd - 1])) {
                valueEnd--;
            }
            while (nameEnd > nameStart && Ascii.isWhitespace(b[nameEnd - 1])) {
                nameEnd--;
            }
            if (valueEnd - valueStart >= 2 && b[valueStart] == '"' && b[valueEnd - 1] == '"') {
                valueStart++;
                valueEnd--;
            }
            int o = cookieCount * COOKIE_FIELDS;
            if (o == cookies.length) {
                cookies = Arrays.copyOf(cookies, cookies.length * 2);
            }
            cookies[o] = nameStart;
            cookies[o + 1] = nameEnd;
            cookies[o + 2] = valueStart;
            cookies[o + 3] = valueEnd;
            cookieCount++;
            p = pairEnd + 1;
        }
    }

    private ByteView known(int index) {
        return index < 0 || head.buffer() == null ? null : value(index);
    }

    private int indexOf(String name) {
        byte[] b = head.buffer();
        for (int i = 0, n = size(); i < n; i++) {
            int start = head.headerNameStart(i);
            if (Ascii.equalsIgnoreCase(b, start, head.headerNameEnd(i) - start, name)) {
                return i;
            }
        }
        return -1;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(i);
        }
    }
}
