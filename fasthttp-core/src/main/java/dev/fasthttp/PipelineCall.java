package dev.fasthttp;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * One request of a {@link PipelineClient} on its way: queued on a connection, written, then
 * answered or failed. Each calling thread reuses its own, so a call allocates nothing.
 */
final class PipelineCall {

    ClientRequest request;
    ClientResponse response;
    /** The call's own deadline ({@link System#nanoTime()}), 0 for none. */
    long deadlineNanos;
    /** When its bytes went out, for its read timeout. */
    long writtenNanos;
    /** Set if the connection failed before any of the request was written: it can be sent elsewhere. */
    boolean unsent;

    private Thread caller;
    private IOException failure;
    private volatile boolean done;

    void prepare(ClientRequest request, ClientResponse response, long deadlineNanos) {
        this.request = request;
        this.response = response;
        this.deadlineNanos = deadlineNanos;
        this.writtenNanos = 0;
        this.unsent = false;
        this.failure = null;
        this.caller = Thread.currentThread();
        this.done = false;
        response.buffer.clear();
    }

    /** By the connection's reader, or by whoever fails the connection. */
    void complete(IOException failure, boolean unsent) {
        this.failure = failure;
        this.unsent = unsent;
        Thread waiting = caller;
        done = true; // publishes the fields above
        LockSupport.unpark(waiting);
    }

    /**
     * Waits for the answer. Not interruptible: a request on the wire cannot be taken back, and its
     * response must be read before the next one; the watchdog bounds the wait by the read timeout.
     */
    void await() throws IOException {
        boolean interrupted = false;
        while (!done) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        request = null;
        response = null;
        if (failure != null) {
            throw failure;
        }
    }
}
