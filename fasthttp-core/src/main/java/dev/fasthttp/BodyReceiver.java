package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;

/**
 * Receives a streamed request body on the event loop, piece by piece, as it arrives: the
 * non-blocking counterpart of {@link RequestCtx#requestBodyStream()}, for a handler that runs
 * inline on a {@linkplain dev.fasthttp.routing.Route#streaming() streaming} route. Register it with
 * {@link RequestCtx#receiveBody}.
 *
 * <p>Demand is explicit: after a piece, the next one comes only once {@link BodyDemand#request()}
 * has been called (from the callback, or later from any thread, say when a write to a downstream
 * service completed). Until then the server reads nothing more from the socket, so a slow consumer
 * holds back the client through TCP's window, and memory stays one buffer. Every method runs on the
 * connection's event loop: none may block. The response is written once {@link #onEnd} or
 * {@link #onError} returns, from what the ctx holds then.
 */
public interface BodyReceiver {

    /**
     * The next piece of the body, decoded from chunked if it came so. The view is valid only during
     * the call: copy what must be kept. Call {@code demand.request()} for the next piece.
     */
    void onData(RequestCtx ctx, ByteView piece, BodyDemand demand) throws Exception;

    /** The body has been received to its end (its trailers, if any, are readable): set the response. */
    void onEnd(RequestCtx ctx) throws Exception;

    /**
     * The body could not be received: broken framing (400), past its limit (413), stalled for the
     * read timeout (408), or cut by the client (400). The connection closes after the response.
     * By default the failure is answered with its status through the error handler.
     */
    default void onError(RequestCtx ctx, RequestBodyException failure) throws Exception {
        throw failure;
    }
}
