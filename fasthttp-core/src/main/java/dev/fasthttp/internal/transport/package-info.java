/**
 * Not API. The event loop (one platform thread, one selector, a task queue and a tick) and the
 * pool of read buffers. Knows nothing of HTTP.
 */
package dev.fasthttp.internal.transport;
