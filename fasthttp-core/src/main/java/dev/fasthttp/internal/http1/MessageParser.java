package dev.fasthttp.internal.http1;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.Numbers;

/**
 * The rules every HTTP/1 message head follows, request or response: field lines (RFC 9112 5)
 * and the headers that decide framing and connection reuse (Content-Length, Transfer-Encoding,
 * Connection). Subclasses parse their start line and note the headers only they care about.
 */
abstract sealed class MessageParser permits RequestParser, ResponseParser {

    /**
     * Parses the field lines from {@code p} to the final empty line ending at {@code end}; the
     * scanner guaranteed every line ends in CRLF.
     */
    final ProtocolError parseFields(byte[] b, int p, int end, MessageHead head) {
        int last = end - 2; // the final empty line
        while (p < last) {
            if (b[p] == ' ' || b[p] == '\t') {
                return ProtocolError.OBSOLETE_LINE_FOLDING;
            }
            int nameStart = p;
            while (Ascii.isToken(b[p])) {
                p++;
            }
            // RFC 9112 5.1: no whitespace between name and colon.
            if (p == nameStart || b[p] != ':') {
                return ProtocolError.MALFORMED_HEADER;
            }
            int nameEnd = p++;
            while (Ascii.isWhitespace(b[p])) {
                p++;
            }
            int valueStart = p;
            // Field values are VCHAR, SP, HTAB and obs-text: the only controls allowed are HTAB and the final CR.
            while (b[p = Ascii.indexOfControl(b, p, end)] != '\r') {
                if (b[p] != '\t') {
                    return ProtocolError.MALFORMED_HEADER;
                }
                p++;
            }
            int valueEnd = p;
            while (valueEnd > valueStart && Ascii.isWhitespace(b[valueEnd - 1])) {
                valueEnd--;
            }
            p += 2;
            int index = head.addHeader(nameStart, nameEnd, valueStart, valueEnd);
            ProtocolError e = noteField(b, nameStart, nameEnd - nameStart, valueStart, valueEnd, index, head);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** Records the headers every message may carry that matter to framing; the rest go to {@link #noteOwnField}. */
    private ProtocolError noteField(byte[] b, int name, int nameLength, int value, int valueEnd, int index, MessageHead head) {
        switch (nameLength) {
            case 10:
                if (Ascii.equalsIgnoreCase(b, name, 10, "connection")) {
                    noteConnectionOptions(b, value, valueEnd, head);
                    return null;
                }
                break;
            case 12:
                if (Ascii.equalsIgnoreCase(b, name, 12, "content-type")) {
                    if (head.contentTypeHeader < 0) head.contentTypeHeader = index;
                    return null;
                }
                break;
            case 14:
                if (Ascii.equalsIgnoreCase(b, name, 14, "content-length")) {
                    return noteContentLength(b, value, valueEnd, head);
                }
                break;
            case 17:
                if (Ascii.equalsIgnoreCase(b, name, 17, "transfer-encoding")) {
                    return noteTransferEncoding(b, value, valueEnd, head);
                }
                break;
            default:
                break;
        }
        return noteOwnField(b, name, nameLength, value, valueEnd, index, head);
    }

    /** A header not about framing: the request's Host, Cookie... Default: nothing to note. */
    ProtocolError noteOwnField(byte[] b, int name, int nameLength, int value, int valueEnd, int index, MessageHead head) {
        return null;
    }

    /**
     * Content-Length is digits only. A list, or a repeated header, is accepted only when every
     * value is the same (RFC 9110 8.6); anything else is refused, never guessed.
     */
    static ProtocolError noteContentLength(byte[] b, int p, int end, MessageHead head) {
        if (p == end) {
            return ProtocolError.INVALID_CONTENT_LENGTH;
        }
        while (p < end) {
            int itemEnd = itemEnd(b, p, end);
            int valueEnd = trimmedEnd(b, p, itemEnd);
            long length = Numbers.parseDecimal(b, p, valueEnd);
            if (length < 0) {
                return ProtocolError.INVALID_CONTENT_LENGTH;
            }
            if (head.contentLength >= 0 && head.contentLength != length) {
                return ProtocolError.CONFLICTING_CONTENT_LENGTH;
            }
            head.contentLength = length;
            p = nextItem(b, itemEnd, end);
            if (itemEnd < end && p == end) {
                return ProtocolError.INVALID_CONTENT_LENGTH; // a comma with nothing after it
            }
        }
        return null;
    }

    /**
     * Transfer-Encoding may list several codings, over several header lines; the last must be
     * {@code chunked}, which may appear once (RFC 9112 6.1). Codings other than chunked are
     * valid framing the engine cannot decode (501); anything that does not end in chunked
     * leaves the length undeterminable (400).
     */
    static ProtocolError noteTransferEncoding(byte[] b, int p, int end, MessageHead head) {
        if (p == end) {
            return ProtocolError.INVALID_TRANSFER_ENCODING;
        }
        ProtocolError result = null;
        while (p < end) {
            int itemEnd = itemEnd(b, p, end);
            int valueEnd = trimmedEnd(b, p, itemEnd);
            if (valueEnd == p) {
                return ProtocolError.INVALID_TRANSFER_ENCODING;
            }
            if (head.chunked) {
                return ProtocolError.INVALID_TRANSFER_ENCODING; // something follows chunked
            }
            if (Ascii.equalsIgnoreCase(b, p, valueEnd - p, "chunked")) {
                head.chunked = true;
            } else {
                for (int i = p; i < valueEnd; i++) {
                    if (!Ascii.isToken(b[i]) && b[i] != ';' && b[i] != '=' && b[i] != ' ' && b[i] != '"') {
                        return ProtocolError.INVALID_TRANSFER_ENCODING;
                    }
                }
                result = ProtocolError.UNSUPPORTED_TRANSFER_ENCODING;
            }
            p = nextItem(b, itemEnd, end);
        }
        head.transferEncodingSeen = true;
        // Several Transfer-Encoding lines are one list (RFC 9110 5.3): a coding named on an
        // earlier line still applies when a later line names only chunked.
        head.unsupportedCoding |= result != null;
        return null;
    }

    static void noteConnectionOptions(byte[] b, int p, int end, MessageHead head) {
        while (p < end) {
            int itemEnd = itemEnd(b, p, end);
            int valueEnd = trimmedEnd(b, p, itemEnd);
            if (Ascii.equalsIgnoreCase(b, p, valueEnd - p, "close")) {
                head.connectionClose = true;
            } else if (Ascii.equalsIgnoreCase(b, p, valueEnd - p, "keep-alive")) {
                head.connectionKeepAlive = true;
            }
            p = nextItem(b, itemEnd, end);
        }
    }

    // A comma-separated list (RFC 9110 5.6.1), walked item by item in place.

    /** Where the item starting at {@code p} ends: at the next comma, or at {@code end}. */
    private static int itemEnd(byte[] b, int p, int end) {
        while (p < end && b[p] != ',') {
            p++;
        }
        return p;
    }

    /** {@code itemEnd} moved back over trailing whitespace, not before {@code p}. */
    private static int trimmedEnd(byte[] b, int p, int itemEnd) {
        while (itemEnd > p && Ascii.isWhitespace(b[itemEnd - 1])) {
            itemEnd--;
        }
        return itemEnd;
    }

    /** Where the next item starts: past the comma at {@code itemEnd} and any whitespace; {@code end} if none. */
    private static int nextItem(byte[] b, int itemEnd, int end) {
        if (itemEnd >= end) {
            return end;
        }
        int p = itemEnd + 1;
        while (p < end && Ascii.isWhitespace(b[p])) {
            p++;
        }
        return p;
    }

}
