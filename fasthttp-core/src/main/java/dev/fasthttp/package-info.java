/**
 * The server and the request model a handler sees: {@link dev.fasthttp.Server}, {@link
 * dev.fasthttp.RequestHandler}, {@link dev.fasthttp.RequestCtx} with its {@link
 * dev.fasthttp.Request} and {@link dev.fasthttp.Response}, headers, arguments, cookies, and the
 * settings, statistics and hooks of a server.
 *
 * <p>Beside the API, package-private, lives what touches the model's private state: the connection
 * state machine ({@code ServerConnection}) and the pieces it is made of (reading and framing,
 * dispatch to handlers, writing), the per-loop {@code Worker} and the response encoder. Engine
 * mechanisms that need no model type live in {@code dev.fasthttp.internal.*}.
 */
package dev.fasthttp;
