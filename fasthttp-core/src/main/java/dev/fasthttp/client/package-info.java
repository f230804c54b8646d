/**
 * The client: {@link dev.fasthttp.client.HostClient} for one host over a pool of keep-alive
 * connections, {@link dev.fasthttp.client.Client} for any host, {@link
 * dev.fasthttp.client.PipelineClient} for many callers on few connections, and the reusable
 * {@link dev.fasthttp.client.ClientRequest} and {@link dev.fasthttp.client.ClientResponse}.
 *
 * <p>Package-private beside them: the pool and its watchdog, the connections, the response
 * reader, redirects and the TLS handshake.
 */
package dev.fasthttp.client;
