package dev.fasthttp.internal.http1;

/**
 * A parsed response head: status, reason and what every message carries ({@link MessageHead}).
 * Filled by {@link ResponseParser}.
 */
public final class ResponseHead extends MessageHead {

    int status;
    int reasonStart;
    int reasonEnd;

    @Override
    void reset(byte[] buffer, int start) {
        super.reset(buffer, start);
        status = 0;
        reasonStart = reasonEnd = start;
    }

    public int status() { return status; }
    public int reasonStart() { return reasonStart; }
    public int reasonEnd() { return reasonEnd; }

    /**
     * How the body is delimited (RFC 9112 6.3), given whether the request was HEAD.
     */
    public BodyFraming framing(boolean headRequest) {
        if (headRequest || status < 200 || status == 204 || status == 304) {
            return BodyFraming.NONE;
        }
        if (transferEncodingSeen) {
            // Chunked last: chunked. Any other final coding: the body runs until the server closes.
            return chunked && !unsupportedCoding ? BodyFraming.CHUNKED : BodyFraming.UNTIL_CLOSE;
        }
        if (contentLength >= 0) {
            return BodyFraming.LENGTH;
        }
        return BodyFraming.UNTIL_CLOSE;
    }

    /** How a response body is delimited. */
    public enum BodyFraming { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }
}
