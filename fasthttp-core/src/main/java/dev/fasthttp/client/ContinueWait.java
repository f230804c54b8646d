package dev.fasthttp.client;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * The pause of a request sent with {@code Expect: 100-continue} ({@link
 * ClientRequest#setExpectContinue}) between its head and its body (RFC 9110 10.1.1): the body
 * goes once the server says {@code 100 Continue}, or once it has said nothing for {@link
 * ClientSettings#expectContinueTimeout()} (a server that does not know the expectation never
 * will); it does not go if the server answers with a final status first.
 *
 * <p>This is the client's one read with a socket timeout. Elsewhere the watchdog closes the socket
 * at a deadline, which ends the call; the end of this wait is no failure but the signal to send
 * the body, so the connection must outlive it. The JDK turns a socket non-blocking for good once a
 * read is timed, and a platform thread's later reads on it then cost a poll more (a virtual
 * thread's reads work that way anyway): only connections that waited pay it. The call's deadline
 * ({@link HostClient#doTimeout}) is still the watchdog's to keep.
 */
final class ContinueWait {

    private ContinueWait() {
    }

    /**
     * Waits for the server's word on a request whose head has been sent. Interim responses other
     * than 100 (102 Processing, 103 Early Hints) are dropped and the wait goes on, to its first end.
     *
     * @return true if the body is to be sent; false if a final response came instead, its head at
     *         the start of {@code resp.buffer}
     */
    static boolean await(ClientConnection c, ClientResponse resp, ClientSettings settings, long callDeadline) throws IOException {
        // Never longer than a response may take: a server that slow is better assumed not to answer.
        long end = System.nanoTime() + Math.min(settings.expectContinueTimeout().toNanos(), settings.readTimeout().toNanos());
        c.readDeadlineNanos = callDeadline;
        try {
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                c.socket.setSoTimeout((int) Math.max(1, (left + 999_999) / 1_000_000)); // 0 would wait for ever
                int status = ResponseReader.awaitHead(c.in, resp, settings);
                if (status == 100) {
                    return true;
                }
                if (status >= 200) {
                    return false;
                }
            }
        } catch (SocketTimeoutException silence) {
            return true; // the bytes of a head begun stay in the buffer: the response's read carries on from them
        } catch (IOException e) {
            throw c.pastDeadline(System.nanoTime())
                    ? new ClientException(ClientException.Kind.TIMEOUT, "no answer to Expect: 100-continue before the deadline", null, e)
                    : e;
        } finally {
            c.readDeadlineNanos = 0;
            untimed(c);
        }
    }

    private static void untimed(ClientConnection c) {
        try {
            c.socket.setSoTimeout(0);
        } catch (SocketException closed) {
            // the connection is closed, and the call fails with the reason it was
        }
    }
}
