package dev.fasthttp;

/**
 * Told about every connection state change. Runs on the event loop, inline: it must be quick and
 * must not block. {@code connection} is valid during the call only.
 */
@FunctionalInterface
public interface ConnectionStateListener {
    void onStateChange(ConnectionInfo connection, ConnectionState state);
}
