package dev.fasthttp;

import dev.fasthttp.http.ProtocolError;
import java.io.IOException;

/**
 * Thrown by {@link RequestCtx#requestBodyStream()} when a streamed request body cannot be read to
 * its end: it broke the chunked framing (400), grew past its limit (413), stopped arriving for the
 * read timeout (408), or the client closed the connection before sending it all (400).
 *
 * <p>A handler may catch it and answer as it likes; one that lets it go gets {@link #status()}
 * from the server's error handler. Either way the connection closes after the response: where the
 * body would have ended is unknown, so what follows cannot be read as the next request.
 */
public final class RequestBodyException extends IOException {

    private final ProtocolError error;

    RequestBodyException(ProtocolError error, String message) {
        super(message);
        this.error = error;
    }

    /** The status the client gets if the handler lets this go: 400, 408 or 413. */
    public int status() {
        return error.status();
    }

    /** What went wrong, in the protocol's terms. */
    public ProtocolError error() {
        return error;
    }
}
