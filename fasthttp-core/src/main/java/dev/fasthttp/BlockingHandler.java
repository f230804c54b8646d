package dev.fasthttp;

/** The handler {@link RequestHandler#blocking} returns: hands the request to a virtual thread. */
record BlockingHandler(RequestHandler delegate) implements RequestHandler {

    @Override
    public void handle(RequestCtx ctx) {
        ctx.runBlocking(delegate);
    }

    @Override
    public String toString() {
        return "blocking(" + delegate + ")";
    }
}
