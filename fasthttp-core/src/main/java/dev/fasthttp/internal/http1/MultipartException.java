package dev.fasthttp.internal.http1;

/**
 * A multipart body refused by the streaming {@link MultipartReader}: why, and the message for the
 * client, with the limit it broke where it names one. Unchecked, as the reader's callers turn it
 * into the public rejection at once; no stack trace, since it is the client's fault, not the
 * code's.
 */
public final class MultipartException extends RuntimeException {

    private final MultipartError error;

    public MultipartException(MultipartError error, long limit) {
        super(error.message(limit), null, false, false);
        this.error = error;
    }

    public MultipartError error() {
        return error;
    }

    /** The status the client gets: 400, 413 or 415. */
    public int status() {
        return error.status();
    }
}
