/**
 * {@link dev.fasthttp.bytes.ByteView}, the window onto bytes the engine read that every accessor
 * hands out: valid until the handler returns (or the client response is reused).
 */
package dev.fasthttp.bytes;
