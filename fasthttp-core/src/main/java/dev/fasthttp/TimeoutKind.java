package dev.fasthttp;

/** Which timeout ended a connection, or a request. */
public enum TimeoutKind {
    /** A request was not received in full within the read timeout (answered 408). */
    READ,
    /** A keep-alive connection stayed without a new request for the idle timeout (closed quietly). */
    IDLE,
    /** A response made no write progress for the write timeout (closed). */
    WRITE,
    /**
     * A handler wrapped by {@link TimeoutHandler} (or a route with a timeout) overran it: the
     * request was answered with the timeout response (503 by default) and the connection kept.
     */
    HANDLER
}
