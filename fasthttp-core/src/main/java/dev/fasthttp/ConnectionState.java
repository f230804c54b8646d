package dev.fasthttp;

/** Where a connection is in its life, as reported to a {@link ConnectionStateListener}. */
public enum ConnectionState {
    /** Accepted; no request yet. */
    NEW,
    /** Reading a request, running its handler or writing its response. */
    ACTIVE,
    /** Between requests on a keep-alive connection. */
    IDLE,
    /** Closed; reported once. */
    CLOSED
}
