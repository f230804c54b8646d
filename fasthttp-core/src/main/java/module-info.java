/**
 * fasthttp's engine: an HTTP/1.1 server and client whose steady-state request path allocates
 * nothing. JDK only.
 *
 * <p>Exported, the API: {@code dev.fasthttp} (the server, its handlers and the request and
 * response model), {@code dev.fasthttp.client}, {@code dev.fasthttp.routing}, and the vocabulary
 * both sides share, {@code dev.fasthttp.bytes} (byte views) and {@code dev.fasthttp.http}
 * (protocol errors). The {@code dev.fasthttp.internal.*} packages are the engine's rooms and may
 * change in any release; on the class path they are reachable, but nothing outside this module
 * should import them.
 */
module dev.fasthttp {
    exports dev.fasthttp;
    exports dev.fasthttp.bytes;
    exports dev.fasthttp.client;
    exports dev.fasthttp.http;
    exports dev.fasthttp.routing;
}
