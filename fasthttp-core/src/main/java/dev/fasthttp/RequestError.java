package dev.fasthttp;

import dev.fasthttp.http.ProtocolError;

/**
 * Why a request failed: a protocol error found before the handler ran ({@link #protocolError()}
 * set), or an exception thrown by the handler ({@link #cause()} set): a
 * {@link RequestRejectedException} brings its own 4xx status and its message as the reason,
 * anything else is a 500.
 */
public record RequestError(int status, String reason, ProtocolError protocolError, Throwable cause) {

    private static final RequestError[] PROTOCOL = new RequestError[ProtocolError.values().length];

    static {
        for (ProtocolError e : ProtocolError.values()) {
            PROTOCOL[e.ordinal()] = new RequestError(e.status(), e.reason(), e, null);
        }
    }

    /** The shared instance for a protocol error: refusing a bad request allocates nothing. */
    static RequestError of(ProtocolError e) {
        return PROTOCOL[e.ordinal()];
    }

    static RequestError handlerFailure(Throwable cause) {
        return new RequestError(500, "Internal Server Error", null, cause);
    }
}
