package dev.fasthttp.internal.http1;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.bytes.Ascii;

/**
 * Parses a complete request head (found by {@link HeadScanner}) in place into a
 * {@link RequestHead}, and decides how the body is framed.
 *
 * <p>Strict where leniency lets two parties read one message differently (RFC 9112 11.2):
 * single spaces in the request line, no whitespace before a header colon, no obs-fold,
 * Content-Length digits only and all copies equal, Transfer-Encoding only ending in one
 * {@code chunked}, never both. Lenient where it is harmless: unknown methods and headers pass
 * through, bytes above 0x7F are accepted in the target and in values as opaque data.
 */
public final class RequestParser extends MessageParser {

    private final int maxUriLength;

    public RequestParser(int maxUriLength) {
        this.maxUriLength = maxUriLength;
    }

    /**
     * Parses {@code buf[start, end)}, which the scanner found to be a whole head whose lines all
     * end in CRLF.
     *
     * @return null when the head is valid, otherwise why it is not
     */
    public ProtocolError parse(byte[] buf, int start, int end, RequestHead head) {
        head.reset(buf, start);
        head.end = end;
        int p = parseRequestLine(buf, start, end, head);
        if (p < 0) {
            return requestLineError;
        }
        ProtocolError e = parseFields(buf, p, end, head);
        if (e != null) {
            return e;
        }
        return checkFraming(head);
    }

    // Set by parseRequestLine when it returns -1; keeps the hot path free of result objects.
    private ProtocolError requestLineError;

    private int parseRequestLine(byte[] b, int p, int end, RequestHead head) {
        int methodStart = p;
        while (Ascii.isToken(b[p])) {
            p++;
        }
        if (p == methodStart || b[p] != ' ') {
            return requestLineError(ProtocolError.MALFORMED_REQUEST_LINE);
        }
        head.methodStart = methodStart;
        head.methodEnd = p;
        head.method = Method.of(b, methodStart, p);
        p++;

        int targetStart = p;
        byte c;
        while ((c = b[p]) != ' ' && c != '\r') {
            // Controls, DEL and '#' never belong in a request target; bytes >= 0x80 pass as opaque.
            if ((c >= 0 && c <= 0x20) || c == 0x7F || c == '#') {
                return requestLineError(ProtocolError.MALFORMED_REQUEST_LINE);
            }
            p++;
        }
        if (c != ' ' || p == targetStart) {
            return requestLineError(ProtocolError.MALFORMED_REQUEST_LINE);
        }
        if (p - targetStart > maxUriLength) {
            return requestLineError(ProtocolError.URI_TOO_LONG);
        }
        head.targetStart = targetStart;
        head.targetEnd = p;
        p++;

        // "HTTP/" DIGIT "." DIGIT CRLF, case-sensitive (RFC 9112 2.3).
        if (end - p < 10 || b[p] != 'H' || b[p + 1] != 'T' || b[p + 2] != 'T' || b[p + 3] != 'P' || b[p + 4] != '/'
                || !Ascii.isDigit(b[p + 5]) || b[p + 6] != '.' || !Ascii.isDigit(b[p + 7]) || b[p + 8] != '\r') {
            return requestLineError(ProtocolError.MALFORMED_REQUEST_LINE);
        }
        if (b[p + 5] != '1') {
            return requestLineError(ProtocolError.UNSUPPORTED_VERSION);
        }
        // A higher 1.x minor version is served as HTTP/1.1 (RFC 9110 2.5).
        head.minorVersion = b[p + 7] == '0' ? 0 : 1;
        ProtocolError e = parseTarget(b, head);
        if (e != null) {
            return requestLineError(e);
        }
        return p + 10;
    }

    private int requestLineError(ProtocolError e) {
        requestLineError = e;
        return -1;
    }

    private static ProtocolError parseTarget(byte[] b, RequestHead head) {
        int p = head.targetStart;
        int end = head.targetEnd;
        if (head.method == Method.CONNECT) {
            return ProtocolError.UNSUPPORTED_METHOD;
        }
        if (b[p] == '*' && end - p == 1) {
            if (head.method != Method.OPTIONS) {
                return ProtocolError.MALFORMED_REQUEST_LINE;
            }
            head.pathStart = p;
            head.pathEnd = end;
            return null;
        }
        if (b[p] != '/') {
            // absolute-form: scheme "://" authority [path-abempty] ["?" query]
            int schemeEnd = p;
            while (schemeEnd < end && b[schemeEnd] != ':') {
                schemeEnd++;
            }
            boolean http = Ascii.equalsIgnoreCase(b, p, schemeEnd - p, "http")
                    || Ascii.equalsIgnoreCase(b, p, schemeEnd - p, "https");
            if (!http || end - schemeEnd < 3 || b[schemeEnd + 1] != '/' || b[schemeEnd + 2] != '/') {
                return ProtocolError.MALFORMED_REQUEST_LINE;
            }
            int authorityStart = schemeEnd + 3;
            int authorityEnd = authorityStart;
            while (authorityEnd < end && b[authorityEnd] != '/' && b[authorityEnd] != '?') {
                authorityEnd++;
            }
            if (authorityEnd == authorityStart || !validHost(b, authorityStart, authorityEnd)) {
                return ProtocolError.INVALID_HOST;
            }
            head.schemeStart = p;
            head.schemeEnd = schemeEnd;
            head.authorityStart = authorityStart;
            head.authorityEnd = authorityEnd;
            p = authorityEnd;
        }
        int q = p;
        while (q < end && b[q] != '?') {
            q++;
        }
        head.pathStart = p;
        head.pathEnd = q;
        if (q < end) {
            head.queryStart = q + 1;
            head.queryEnd = end;
        }
        return null;
    }

    /** Records the request headers handlers ask for most, and Host and Expect, which the engine checks. */
    @Override
    ProtocolError noteOwnField(byte[] b, int name, int nameLength, int value, int valueEnd, int index, MessageHead message) {
        RequestHead head = (RequestHead) message;
        switch (nameLength) {
            case 4:
                if (Ascii.equalsIgnoreCase(b, name, 4, "host")) {
                    if (head.hostHeader >= 0) {
                        return ProtocolError.DUPLICATE_HOST;
                    }
                    head.hostHeader = index;
                    return validHost(b, value, valueEnd) ? null : ProtocolError.INVALID_HOST;
                }
                break;
            case 6:
                if (Ascii.equalsIgnoreCase(b, name, 6, "cookie")) {
                    if (head.cookieHeader < 0) head.cookieHeader = index;
                } else if (Ascii.equalsIgnoreCase(b, name, 6, "expect")) {
                    if (!Ascii.equalsIgnoreCase(b, value, valueEnd - value, "100-continue")) {
                        return ProtocolError.EXPECTATION_FAILED;
                    }
                    head.expectContinue = true;
                }
                break;
            case 7:
                if (Ascii.equalsIgnoreCase(b, name, 7, "referer")) {
                    if (head.refererHeader < 0) head.refererHeader = index;
                }
                break;
            case 10:
                if (Ascii.equalsIgnoreCase(b, name, 10, "user-agent")) {
                    if (head.userAgentHeader < 0) head.userAgentHeader = index;
                }
                break;
            default:
                break;
        }
        return null;
    }

    private static ProtocolError checkFraming(RequestHead head) {
        if (head.minorVersion >= 1 && head.hostHeader < 0) {
            return ProtocolError.MISSING_HOST;
        }
        if (head.transferEncodingSeen) {
            if (head.contentLength >= 0) {
                return ProtocolError.CONTENT_LENGTH_WITH_TRANSFER_ENCODING;
            }
            // RFC 9112 6.1: Transfer-Encoding in an HTTP/1.0 message means faulty framing.
            if (head.minorVersion == 0 || !head.chunked) {
                return ProtocolError.INVALID_TRANSFER_ENCODING;
            }
            if (head.unsupportedCoding) {
                return ProtocolError.UNSUPPORTED_TRANSFER_ENCODING;
            }
        }
        return null;
    }

    /** RFC 3986 reg-name / IP-literal / port characters. */
    private static final boolean[] HOST = Ascii.alphanumericOr("-._~!$&'()*+,;=:[]%");

    /** An empty Host is allowed (RFC 9112 3.2); userinfo, paths and whitespace are not. */
    private static boolean validHost(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!HOST[b[i] & 0xFF]) {
                return false;
            }
        }
        return true;
    }
}
