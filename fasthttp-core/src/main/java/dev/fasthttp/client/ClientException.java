package dev.fasthttp.client;

import java.io.IOException;

/** Why a client call failed, when it was not a plain I/O error. */
public final class ClientException extends IOException {

    public enum Kind {
        /** The response did not come (or the request could not be written) in time. */
        TIMEOUT,
        /** All connections to the host were busy and waiting for one was not allowed, or took too long. */
        NO_FREE_CONNECTIONS,
        /** The response body exceeded the client's limit. */
        BODY_TOO_LARGE,
        /** The response broke HTTP/1.1 (see {@link #protocolError()}). */
        PROTOCOL,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** The server closed the connection before answering; idempotent requests are retried on a fresh one first. */
        CONNECTION_CLOSED
    }

    private final Kind kind;
    private final dev.fasthttp.http.ProtocolError protocolError;

    ClientException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    ClientException(Kind kind, String message, dev.fasthttp.http.ProtocolError protocolError, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.protocolError = protocolError;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#PROTOCOL}: the rule the response broke; otherwise null. */
    public dev.fasthttp.http.ProtocolError protocolError() {
        return protocolError;
    }
}
