package dev.fasthttp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Produces a response body of unknown length, after the handler has returned.
 *
 * <p>The body goes out with {@code Transfer-Encoding: chunked} (to HTTP/1.0 clients: until the
 * connection closes). Every {@code out.flush()} sends what was written since the last one as a
 * chunk; closing or returning ends the body. The writer runs on a virtual thread, so it may
 * block; the connection serves no other request until it returns. A write throws
 * {@link IOException} once the client has gone.
 */
@FunctionalInterface
public interface BodyStreamWriter {
    void writeTo(OutputStream out) throws IOException;
}
