/**
 * Not API. Server mechanisms that use no request or response type: accepting and dealing
 * connections to loops, the connection limits, the state the shutdown shares with the loops, the
 * stall watchdog, the timer that wakes connections when a handler's timeout runs out, the pieces
 * of a connection that own state of their own (lingering close), and IP literals and address
 * blocks for the trusted proxies (parsed without a name lookup).
 * Uses {@code internal.transport}, {@code internal.bytes} and the shared vocabulary.
 */
package dev.fasthttp.internal.server;
