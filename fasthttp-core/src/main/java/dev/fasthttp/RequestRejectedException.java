package dev.fasthttp;

import dev.fasthttp.http.Status;

/**
 * Thrown by a handler, or by an accessor it calls ({@link RequestCtx#multipartForm()}), to refuse
 * a request the client got wrong: the server answers with {@link #status()} (a 4xx) and the
 * message through the {@link Server.Builder#errorHandler error handler}, as
 * {@code new RequestError(status, message, null, exception)}.
 *
 * <p>Unlike a handler that fails (500, logged as an error, counted in
 * {@link ServerStats#handlerErrors()}), a rejection is the client's fault: it is logged at DEBUG,
 * counted in {@link ServerStats#requestsRejected()}, and the connection stays open, since the
 * request was read whole. The message goes to the client, so it should say what to fix and
 * nothing the client should not see. No stack trace is captured: a rejection costs no more than
 * the object.
 */
public class RequestRejectedException extends RuntimeException {

    private final int status;

    /**
     * @param status  a client error status, 400 to 499
     * @param message what the client got wrong, sent to it as the reason; null for the status's
     *                standard reason phrase
     */
    public RequestRejectedException(int status, String message) {
        this(status, message, null);
    }

    /** As {@link #RequestRejectedException(int, String)}, with what caused it (kept for logs, never sent). */
    public RequestRejectedException(int status, String message, Throwable cause) {
        super(message != null ? message : Status.reason(checkStatus(status)), cause, false, false);
        this.status = checkStatus(status);
    }

    private static int checkStatus(int status) {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a rejection is a client error, 400 to 499: " + status);
        }
        return status;
    }

    /** The status the client gets, 400 to 499. */
    public int status() {
        return status;
    }
}
