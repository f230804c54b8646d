package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.RequestHandler;

/**
 * Work around every request the auto-configured server routes (observations do this): the
 * router as a whole, on the event loop, and each blocking route's handler on the virtual thread
 * it runs on, where thread-bound state (the current span, the log's trace id) must be set again.
 */
interface HandlerWrapper {

    RequestHandler wrapRouter(RequestHandler router);

    RequestHandler wrapBlocking(RequestHandler handler);
}
