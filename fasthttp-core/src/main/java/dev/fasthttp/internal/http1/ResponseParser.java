package dev.fasthttp.internal.http1;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.bytes.Ascii;

/**
 * Parses a complete response head (its end found by {@link HeadScanner}) in place into a
 * {@link ResponseHead}: the status line {@code HTTP/1.x SP 3DIGIT [SP reason]} (an absent reason,
 * as some servers send, is accepted), then the field lines under the same rules as requests.
 *
 * <p>A response with both Content-Length and Transfer-Encoding is refused rather than guessed
 * at: RFC 9112 6.3 lets Transfer-Encoding win, but the combination is the mark of response
 * splitting, and a client that guesses wrong reads the next response from the middle of a body.
 */
public final class ResponseParser extends MessageParser {

    public ProtocolError parse(byte[] b, int start, int end, ResponseHead head) {
        head.reset(b, start);
        head.end = end;
        int p = start;
        // "HTTP/1.x " then the status; the head ends in CRLFCRLF, so 14 bytes bound every read below.
        if (end - p < 14 || !Ascii.equals(b, p, 5, "HTTP/")) {
            return ProtocolError.MALFORMED_STATUS_LINE;
        }
        if (b[p + 5] != '1') {
            return Ascii.isDigit(b[p + 5]) ? ProtocolError.UNSUPPORTED_VERSION : ProtocolError.MALFORMED_STATUS_LINE;
        }
        if (b[p + 6] != '.' || !Ascii.isDigit(b[p + 7]) || b[p + 8] != ' ') {
            return ProtocolError.MALFORMED_STATUS_LINE;
        }
        head.minorVersion = b[p + 7] == '0' ? 0 : 1;
        p += 9;
        if (b[p] < '1' || b[p] > '5' || !Ascii.isDigit(b[p + 1]) || !Ascii.isDigit(b[p + 2])) { // 100 to 599 (RFC 9110 15)
            return ProtocolError.MALFORMED_STATUS_LINE;
        }
        head.status = (b[p] - '0') * 100 + (b[p + 1] - '0') * 10 + (b[p + 2] - '0');
        p += 3;
        if (b[p] == ' ') {
            p++;
        } else if (b[p] != '\r') {
            return ProtocolError.MALFORMED_STATUS_LINE;
        }
        head.reasonStart = p;
        while (b[p = Ascii.indexOfControl(b, p, end)] != '\r') {
            if (b[p] != '\t') {
                return ProtocolError.MALFORMED_STATUS_LINE;
            }
            p++;
        }
        head.reasonEnd = p;
        ProtocolError e = parseFields(b, p + 2, end, head);
        if (e != null) {
            return e;
        }
        if (head.transferEncodingSeen && head.contentLength >= 0) {
            return ProtocolError.CONTENT_LENGTH_WITH_TRANSFER_ENCODING;
        }
        return null;
    }
}
