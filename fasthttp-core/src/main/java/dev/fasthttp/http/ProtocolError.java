package dev.fasthttp.http;

/**
 * A rule of HTTP/1 that a message broke. For a request, why it was refused before it reached a
 * handler, and the status the client gets; the client meets the same rules in responses.
 *
 * <p>Every one of these closes the connection after the response: once the framing of a
 * message is in doubt, nothing after it on the same connection can be trusted (RFC 9112 11.2).
 */
public enum ProtocolError {
    MALFORMED_REQUEST_LINE(400, "Malformed request line"),
    /** A client-side error: the server's status line could not be read. */
    MALFORMED_STATUS_LINE(502, "Malformed status line"),
    MALFORMED_HEADER(400, "Malformed header field"),
    INVALID_LINE_TERMINATOR(400, "Bare CR or LF is not a line terminator"),
    OBSOLETE_LINE_FOLDING(400, "Obsolete line folding is not allowed"),
    MISSING_HOST(400, "HTTP/1.1 requires a Host header"),
    DUPLICATE_HOST(400, "More than one Host header"),
    INVALID_HOST(400, "Invalid Host"),
    INVALID_CONTENT_LENGTH(400, "Invalid Content-Length"),
    CONFLICTING_CONTENT_LENGTH(400, "Conflicting Content-Length values"),
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING(400, "Content-Length together with Transfer-Encoding"),
    INVALID_TRANSFER_ENCODING(400, "Transfer-Encoding must end with a single chunked coding"),
    INVALID_CHUNK(400, "Invalid chunked encoding"),
    INCOMPLETE_BODY(400, "Request body ended before its end"),
    FORBIDDEN_TRAILER(400, "Forbidden trailer field"),
    INVALID_PATH(400, "Invalid request path"),
    REQUEST_TIMEOUT(408, "Request timeout"),
    BODY_TOO_LARGE(413, "Request body too large"),
    URI_TOO_LONG(414, "Request URI too long"),
    EXPECTATION_FAILED(417, "Expectation failed"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
    UNSUPPORTED_TRANSFER_ENCODING(501, "Unsupported transfer coding"),
    UNSUPPORTED_METHOD(501, "Method not implemented"),
    UNSUPPORTED_VERSION(505, "HTTP version not supported");

    private final int status;
    private final String reason;

    ProtocolError(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** The response status sent to the client. */
    public int status() {
        return status;
    }

    /** A short explanation, sent as the response body. */
    public String reason() {
        return reason;
    }
}
