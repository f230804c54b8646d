package dev.fasthttp;

import dev.fasthttp.http.ProtocolError;

/**
 * Runs handlers for a connection, and turns what goes wrong into a response: a refused request
 * gets its error status, a handler that throws a {@link RequestRejectedException} gets its 4xx
 * (logged at DEBUG: the client's fault), a handler that throws anything else gets a 500 (logged
 * once as an error); either way the request was read whole, so the connection stays usable. An
 * error handler that throws falls back to the default one, an observer that throws is logged.
 * Stateless: the connection passes the worker it holds for the request.
 */
final class HandlerDispatch {

    private HandlerDispatch() {
    }

    /** Runs {@code handler} inline, on the thread that read the request, under the loop's stall clock. */
    static void runInline(Worker worker, RequestCtx c, RequestHandler handler) {
        worker.handlerStarted(handler, c);
        try {
            handler.handle(c);
        } catch (Throwable t) {
            handlerFailed(worker, c, t);
        } finally {
            worker.handlerFinished();
        }
    }

    /**
     * Runs {@code handler} and every continuation it hands over with {@code ctx.runBlocking}, on
     * the calling thread (a virtual thread, or a caller's thread that may block).
     */
    static void runBlockingChain(Worker worker, RequestCtx c, RequestHandler handler) {
        for (RequestHandler h = handler; h != null; h = c.takeBlockingContinuation()) {
            try {
                h.handle(c);
            } catch (Throwable t) {
                handlerFailed(worker, c, t);
                return;
            }
        }
    }

    /**
     * Makes {@code c}'s response the refusal of a request that broke the protocol: counted, written
     * by the error handler, and the connection's last.
     */
    static void refuse(Worker worker, RequestCtx c, ProtocolError error) {
        if (error == ProtocolError.REQUEST_TIMEOUT) {
            worker.counters().timeout(TimeoutKind.READ);
        } else {
            worker.counters().protocolError(error);
        }
        c.response().resetForError(error.status());
        writeErrorResponse(worker.settings, c, RequestError.of(error));
        c.response().setConnectionClose();
        c.response().setBodyStreamWriter(null);
    }

    /** Writes the response for {@code error} through the server's error handler. */
    static void writeErrorResponse(ServerSettings settings, RequestCtx c, RequestError error) {
        try {
            settings.errorHandler().handle(c, error);
        } catch (Throwable t) {
            settings.logger().log(System.Logger.Level.ERROR, "error handler failed", t);
            c.response().resetForError(error.status());
            ErrorHandler.DEFAULT.handle(c, error);
        }
    }

    /** Tells the response observer, if any, that {@code c}'s response is complete. */
    static void observe(ServerSettings settings, RequestCtx c) {
        ResponseObserver observer = settings.responseObserver();
        if (observer != null) {
            long start = c.startNanos();
            try {
                observer.onResponse(c, start == 0 ? 0 : System.nanoTime() - start, c.failure());
            } catch (RuntimeException e) {
                settings.logger().log(System.Logger.Level.WARNING, "response observer failed", e);
            }
        }
    }

    /**
     * A failed handler: a rejection gets its 4xx, anything else 500, logged once; the connection
     * stays usable (the request was read whole). A handler that fails once its request is done
     * (interrupted by the done signal, as a rule) gets 503, logged at DEBUG only.
     */
    private static void handlerFailed(Worker worker, RequestCtx c, Throwable t) {
        ServerSettings settings = worker.settings;
        c.takeBlockingContinuation();
        c.setFailure(t);
        RequestBodyException bodyFailure = bodyFailure(t);
        if (bodyFailure != null) {
            // The client's body could not be read (counted when the connection takes it back).
            log(settings, c, bodyFailure.status(), bodyFailure);
            c.response().resetForError(bodyFailure.status());
            writeErrorResponse(settings, c, new RequestError(bodyFailure.status(), bodyFailure.getMessage(), bodyFailure.error(), bodyFailure));
            return;
        }
        if (t instanceof RequestRejectedException rejected) {
            worker.counters().incrementFromAnyThread(Counters.REQUESTS_REJECTED);
            log(settings, c, rejected.status(), rejected);
            c.response().resetForError(rejected.status());
            writeErrorResponse(settings, c, new RequestError(rejected.status(), rejected.getMessage(), null, rejected));
            return;
        }
        if (c.isDone()) {
            // Interrupted, most likely, because nobody waits for this response any more: not a failure.
            System.Logger logger = settings.logger();
            if (logger.isLoggable(System.Logger.Level.DEBUG)) {
                logger.log(System.Logger.Level.DEBUG, "handler ended by " + t + " after its request was done ("
                        + c.doneReason() + ") on " + c.method() + " " + c.requestUri());
            }
            c.response().resetForError(503);
            writeErrorResponse(settings, c, new RequestError(503, "Service Unavailable", null, t));
            return;
        }
        worker.counters().incrementFromAnyThread(Counters.HANDLER_ERRORS);
        settings.logger().log(System.Logger.Level.ERROR, "handler failed on " + c.method() + " " + c.requestUri(), t);
        c.response().resetForError(500);
        writeErrorResponse(settings, c, RequestError.handlerFailure(t));
    }

    /** A client's fault, logged at DEBUG. */
    private static void log(ServerSettings settings, RequestCtx c, int status, Exception e) {
        System.Logger logger = settings.logger();
        if (logger.isLoggable(System.Logger.Level.DEBUG)) {
            logger.log(System.Logger.Level.DEBUG, "request rejected on " + c.method() + " " + c.requestUri()
                    + ": " + status + " " + e.getMessage(), e);
        }
    }

    /** The streamed body's failure behind {@code t}, if that is what made the handler fail (perhaps wrapped, as in an UncheckedIOException). */
    private static RequestBodyException bodyFailure(Throwable t) {
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
            if (t instanceof RequestBodyException e) {
                return e;
            }
        }
        return null;
    }
}
