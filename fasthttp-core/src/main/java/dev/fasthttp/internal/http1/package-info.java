/**
 * Not API. The HTTP/1.1 codec shared by the server and the client: head scanning and parsing in
 * place, the chunked decoder, status lines, the cached Date header, path normalization, the
 * header block both sides write headers into, and the multipart/form-data parser. Uses {@code internal.bytes} and the shared
 * vocabulary ({@code bytes}, {@code http}); knows nothing of servers, clients or connections.
 */
package dev.fasthttp.internal.http1;
