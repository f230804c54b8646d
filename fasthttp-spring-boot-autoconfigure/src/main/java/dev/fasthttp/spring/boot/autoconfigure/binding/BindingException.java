package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.RequestError;

/**
 * A request a typed handler cannot be called with (a required value missing, one that does not
 * convert, malformed JSON, a media type not served), in words meant for the client: they name
 * the parameter and say what is wrong, never what the server holds. Carries no stack trace: it is
 * the client's mistake, not the server's.
 */
public final class BindingException extends RuntimeException {

    private final int status;

    BindingException(int status, String message) {
        this(status, message, null);
    }

    BindingException(int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** As the server's error handler takes it: the status, and the message as the reason shown to the client. */
    RequestError toRequestError() {
        return new RequestError(status, getMessage(), null, this);
    }
}
