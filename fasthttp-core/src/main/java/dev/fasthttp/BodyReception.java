package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.http.ProtocolError;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A streamed body handed to a {@link BodyReceiver} on the event loop: each piece as the socket
 * yields it, the next only once asked for. The connection drives it ({@link #pump}) when the
 * socket is readable and when demand comes back from another thread ({@link #request}), and
 * reads from the socket only while demand is outstanding, which is all the back-pressure there is.
 * The receiver's callbacks run through {@link HandlerDispatch}, so one that throws is answered as
 * a failed handler.
 */
final class BodyReception implements BodyDemand {

    /** Where the body stands after a {@link #pump}. */
    enum Progress {
        /** The receiver wants more, and the socket has none now: wait until it is readable. */
        NEEDS_INPUT,
        /** The receiver has not asked for more yet. */
        NEEDS_DEMAND,
        /** The body is received, or failed: the response is set. */
        DONE
    }

    /** The demand of a body handed over whole: there is nothing more to ask for. */
    private static final BodyDemand NOTHING_MORE = () -> { };

    private final Worker worker;
    private final RequestCtx ctx;
    private final StreamedRequestBody body;
    private final BodyReceiver receiver;
    /** Wakes the connection on its loop when demand comes from another thread. */
    private final Runnable wake;
    private final Thread loop;
    private final ByteView piece = new ByteView();
    /** The first piece needs no asking: registering the receiver asks for it. */
    private final AtomicBoolean demanded = new AtomicBoolean(true);
    private final RequestHandler onData;
    private final RequestHandler onEnd;
    private RequestBodyException failure;
    private final RequestHandler onError;

    BodyReception(Worker worker, RequestCtx ctx, StreamedRequestBody body, BodyReceiver receiver, Runnable wake) {
        this.worker = worker;
        this.ctx = ctx;
        this.body = body;
        this.receiver = receiver;
        this.wake = wake;
        this.loop = Thread.currentThread();
        this.onData = c -> receiver.onData(c, piece, this);
        this.onEnd = receiver::onEnd;
        this.onError = c -> receiver.onError(c, failure);
    }

    /** A body already whole in memory (or none): handed over in one piece, then its end. */
    static void handOverWhole(RequestCtx ctx, ByteView body, BodyReceiver receiver) throws Exception {
        if (!body.isEmpty()) {
            receiver.onData(ctx, body, NOTHING_MORE);
        }
        receiver.onEnd(ctx);
    }

    /** Hands the receiver what the socket has, as far as its demand goes. On the loop. */
    Progress pump() {
        while (demanded.compareAndSet(true, false)) {
            int ready;
            try {
                ready = body.fill();
            } catch (RequestBodyException e) {
                return fail(e);
            } catch (IOException e) {
                return fail(new RequestBodyException(ProtocolError.INCOMPLETE_BODY, e.toString()));
            }
            if (ready == StreamedRequestBody.WOULD_BLOCK) {
                demanded.set(true); // still wanted once bytes come
                return Progress.NEEDS_INPUT;
            }
            if (ready == 0) {
                HandlerDispatch.runInline(worker, ctx, onEnd);
                return Progress.DONE;
            }
            piece.set(body.buffer(), body.position(), ready);
            body.consumed(ready); // the bytes stay where they are until the next fill, after the next demand
            HandlerDispatch.runInline(worker, ctx, onData);
            if (ctx.failure() != null) {
                return Progress.DONE; // the receiver failed: its error response stands, the rest of the body is dropped
            }
        }
        return Progress.NEEDS_DEMAND;
    }

    RequestCtx ctx() {
        return ctx;
    }

    Worker worker() {
        return worker;
    }

    /** The body stalled for the read timeout: the receiver hears of it. */
    Progress timedOut() {
        return fail(new RequestBodyException(ProtocolError.REQUEST_TIMEOUT,
                "no body bytes for the read timeout"));
    }

    private Progress fail(RequestBodyException e) {
        failure = e;
        HandlerDispatch.runInline(worker, ctx, onError);
        return Progress.DONE;
    }

    @Override
    public void request() {
        if (demanded.compareAndSet(false, true) && Thread.currentThread() != loop) {
            wake.run();
        }
    }
}
