package dev.fasthttp;

/**
 * Decides whether to accept the body of a request sent with {@code Expect: 100-continue}, from
 * its headers alone, before the client sends the body.
 *
 * <p>Returning true sends {@code 100 Continue} and reads the body; false answers
 * {@code 417 Expectation Failed} and closes the connection, so the body is never read. Runs on
 * the event loop: it must not block. The request's body is not available yet.
 */
@FunctionalInterface
public interface ContinueHandler {

    boolean accept(RequestCtx ctx);

    ContinueHandler ACCEPT_ALL = ctx -> true;
}
