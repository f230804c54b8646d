package dev.fasthttp.benchmarks;

/**
 * fasthttp's {@code fakeListener}: a pool of {@code clients} distinct fake connections, each
 * handed out for {@code requestsPerConn} requests. fasthttp's pool is a channel (FIFO): a closed
 * connection goes to the back and the oldest comes out next. Here the connections are served one
 * at a time, so that FIFO is a ring.
 */
public final class FakeListener {

    private final FakeServerConnection[] clients;
    private final int requestsPerConn;
    private int next;

    public FakeListener(byte[] request, int clients, int requestsPerConn) {
        this.clients = new FakeServerConnection[clients];
        for (int i = 0; i < clients; i++) {
            this.clients[i] = new FakeServerConnection(request);
        }
        this.requestsPerConn = requestsPerConn;
    }

    /** The next connection of the ring, ready for {@code requestsPerConn} requests. */
    public FakeServerConnection accept() {
        FakeServerConnection c = clients[next];
        if (++next == clients.length) {
            next = 0;
        }
        return c.accept(requestsPerConn);
    }

    public int clients() {
        return clients.length;
    }

    public int requestsPerConn() {
        return requestsPerConn;
    }
}
