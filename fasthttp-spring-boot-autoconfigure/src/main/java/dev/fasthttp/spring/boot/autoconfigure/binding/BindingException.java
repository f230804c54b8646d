package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.RequestRejectedException;

/**
 * A request a typed handler cannot be called with (a required value missing, one that does not
 * convert, malformed JSON, a media type not served), in words meant for the client: they name
 * the parameter and say what is wrong, never what the server holds. Carries no stack trace: it is
 * the client's mistake, not the server's: a {@link RequestRejectedException}.
 */
public final class BindingException extends RequestRejectedException {

    BindingException(int status, String message) {
        super(status, message);
    }

    BindingException(int status, String message, Throwable cause) {
        super(status, message, cause);
    }
}
