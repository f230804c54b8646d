package dev.fasthttp.spring.boot.observation;

import dev.fasthttp.RequestCtx;
import io.micrometer.observation.transport.RequestReplyReceiverContext;

/**
 * What an observation of one server request knows: the request's ctx (its carrier, whose headers
 * a tracer reads {@code traceparent} or {@code b3} from), and, once the response is written, the
 * same ctx as the response and what the handler threw.
 *
 * <p>The ctx is the server's, reused for the connection's next request: read it while the
 * observation runs, never keep it.
 */
public class FastHttpServerRequestObservationContext extends RequestReplyReceiverContext<RequestCtx, RequestCtx> {

    public FastHttpServerRequestObservationContext(RequestCtx ctx) {
        super((carrier, name) -> carrier.headers().get(name));
        setCarrier(ctx);
    }
}
