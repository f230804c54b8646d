/**
 * The client: {@link dev.fasthttp.client.HostClient} for one host over a pool of keep-alive
 * connections, {@link dev.fasthttp.client.Client} for any host, {@link
 * dev.fasthttp.client.PipelineClient} for many callers on few connections, and the reusable
 * {@link dev.fasthttp.client.ClientRequest} and {@link dev.fasthttp.client.ClientResponse}.
 *
 * <p>Bodies larger than memory go through in bounded memory both ways: a request body from a
 * stream ({@link dev.fasthttp.client.ClientRequest#setBodyStream}, {@link
 * dev.fasthttp.client.MultipartBody} for forms with files), a response body read as it arrives
 * ({@link dev.fasthttp.client.ClientResponse#bodyStream()}).
 *
 * <p>Package-private beside them: the pool and its watchdog, the connections, the response
 * reader and the streamed body it hands out, the streamed request body's writer, the multipart
 * body's stream, redirects and the TLS handshake.
 */
package dev.fasthttp.client;
