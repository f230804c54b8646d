package dev.fasthttp;

import dev.fasthttp.http.ProtocolError;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Live counters of a server, readable from any thread at any time.
 *
 * <p>Each event loop counts into its own slots, written without synchronization; reading sums
 * the loops. The request path therefore pays nothing for these numbers, and readers see values
 * that may lag by a few requests. Counters only grow; {@link #connectionsActive()} is a gauge.
 * Nothing here allocates, so a metrics registry may poll it as often as it likes.
 */
public final class ServerStats {

    private static final ProtocolError[] PROTOCOL_ERRORS = ProtocolError.values();

    private final Supplier<Counters[]> counters;
    private final IntSupplier active;

    ServerStats(Supplier<Counters[]> counters, IntSupplier active) {
        this.counters = counters;
        this.active = active;
    }

    public long connectionsAccepted() {
        return sum(Counters.CONNECTIONS_ACCEPTED);
    }

    /** Connections refused at accept time for a connection limit (answered 503 or 429). */
    public long connectionsRejected() {
        return sum(Counters.CONNECTIONS_REJECTED);
    }

    /** Connections open now. */
    public int connectionsActive() {
        return active.getAsInt();
    }

    /** Responses sent, all statuses. */
    public long requests() {
        long total = 0;
        for (int c = 1; c <= 5; c++) {
            total += requests(c);
        }
        return total;
    }

    /** Responses sent with a status of the class {@code statusClass} (1 to 5, for 1xx to 5xx). */
    public long requests(int statusClass) {
        if (statusClass < 1 || statusClass > 5) {
            throw new IllegalArgumentException("status class is 1 to 5: " + statusClass);
        }
        return sum(Counters.REQUESTS_1XX + statusClass - 1);
    }

    public long bytesRead() {
        return sum(Counters.BYTES_READ);
    }

    public long bytesWritten() {
        return sum(Counters.BYTES_WRITTEN);
    }

    /** Handlers that threw (each answered 500); rejections are counted apart, in {@link #requestsRejected()}. */
    public long handlerErrors() {
        return sum(Counters.HANDLER_ERRORS);
    }

    /**
     * Requests a handler refused with a {@link RequestRejectedException} (each answered with its
     * 4xx): the client's faults, as a malformed multipart form.
     */
    public long requestsRejected() {
        return sum(Counters.REQUESTS_REJECTED);
    }

    public long timeouts(TimeoutKind kind) {
        return sum(Counters.TIMEOUTS + kind.ordinal());
    }

    /** Requests refused for {@code error} before reaching a handler. */
    public long protocolErrors(ProtocolError error) {
        return sum(Counters.PROTOCOL_ERRORS + error.ordinal());
    }

    /** Requests refused for any protocol error. */
    public long protocolErrors() {
        long total = 0;
        for (ProtocolError e : PROTOCOL_ERRORS) {
            total += protocolErrors(e);
        }
        return total;
    }

    private long sum(int counter) {
        long total = 0;
        for (Counters c : counters.get()) {
            total += c.get(counter);
        }
        return total;
    }

    @Override
    public String toString() {
        return "ServerStats{accepted=" + connectionsAccepted() + ", active=" + connectionsActive()
                + ", rejected=" + connectionsRejected() + ", requests=" + requests()
                + ", 5xx=" + requests(5) + ", requestsRejected=" + requestsRejected() + ", protocolErrors=" + protocolErrors()
                + ", bytesRead=" + bytesRead() + ", bytesWritten=" + bytesWritten() + "}";
    }
}
