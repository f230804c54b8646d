package dev.fasthttp;

/** Why a request's done signal fired: {@link RequestCtx#doneReason()}. */
public enum DoneReason {
    /**
     * The client closed the connection (or reset it) while the handler ran off the event loop.
     * A client that only shut its side for writing after the request (a half-close) counts too:
     * it still gets the response, if the handler produces one.
     */
    CLIENT_DISCONNECTED,
    /** The handler overran its {@link TimeoutHandler} timeout, or called {@link RequestCtx#timeoutError}. */
    TIMEOUT,
    /** The server's shutdown cut the connection when its drain timeout ran out. */
    SHUTDOWN
}
