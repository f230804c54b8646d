package dev.fasthttp.client;

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
    /** The thread waiting for the answer. */
    Thread caller;

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

    /** By whoever read its response, or by whoever failed the connection. */
    void complete(IOException failure, boolean unsent) {
        this.failure = failure;
        this.unsent = unsent;
        Thread waiting = caller;
        done = true; // publishes the fields above
        if (waiting != Thread.currentThread()) {
            LockSupport.unpark(waiting);
        }
    }

    /**
     * Whether the caller writes and reads for the connection while it waits: platform threads do;
     * virtual threads leave that to the connection's own threads (see {@link PipelinedConnection}).
     */
    boolean works() {
        return !caller.isVirtual();
    }

    boolean isDone() {
        return done;
    }

    /** After {@link #isDone}: lets go of the caller's request and response, and throws the failure if there was one. */
    void end() throws IOException {
        request = null;
        response = null;
        if (failure != null) {
            throw failure;
        }
    }
}
