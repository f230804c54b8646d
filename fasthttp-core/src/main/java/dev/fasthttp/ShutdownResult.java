package dev.fasthttp;

import java.time.Duration;

/**
 * How a graceful shutdown ended.
 *
 * @param drained        true if every connection finished its request and closed before the timeout
 * @param connectionsCut connections still open when the timeout ran out, closed mid-request
 * @param took           how long the shutdown took
 */
public record ShutdownResult(boolean drained, int connectionsCut, Duration took) {
}
