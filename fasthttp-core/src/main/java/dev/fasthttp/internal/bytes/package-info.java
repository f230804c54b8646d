/**
 * Not API. Bytes as the engine handles them: a growable buffer, ASCII and decimal helpers,
 * percent-coding and UTF-8 checks, all on arrays and offsets, all allocation-free. Imports
 * nothing of the engine: the bottom layer.
 */
package dev.fasthttp.internal.bytes;
