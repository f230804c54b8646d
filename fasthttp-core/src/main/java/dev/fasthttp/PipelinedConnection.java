package dev.fasthttp;

import dev.fasthttp.bytes.ByteBuf;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * One connection of a {@link PipelineClient}, with two threads: a writer that sends every queued
 * request in as few writes as it can without waiting for responses, and a reader that takes the
 * responses, which come back in request order (RFC 9112 9.3.2), and hands each to its caller.
 *
 * <p>The two threads are platform threads, whose waits allocate nothing, or virtual ones, which
 * switch with virtual-thread callers in user space.
 *
 * <p>The calls sit in a ring, in three runs: answered ones behind {@code answered}, sent ones up
 * to {@code sent}, queued ones up to {@code queued}. A call counts as sent once its bytes start
 * going out: the reader must be free to take responses while a long batch is still being written,
 * or a server answering as it reads would fill both directions and stall. All three move under
 * this object's monitor; a full ring refuses new calls rather than growing.
 *
 * <p>The two threads wait by parking, not with {@code Object.wait}: a virtual thread woken from a
 * monitor wait is handed back to its scheduler by a platform thread of the JDK's (the
 * "VirtualThread-unblocker"), a kernel wake-up on every request, where an unpark stays in user
 * space. A thread records itself in {@code parkedWriter} or {@code parkedReader} under the monitor
 * before it parks, and whoever gives it work unparks it after changing the counters under the
 * same monitor, so no wake-up is lost (an unpark before the park makes the park return at once).
 */
final class PipelinedConnection {

    /** A batch stops growing past this many bytes; a buffer grown past twice this is let go after use. */
    private static final int MAX_BATCH_BYTES = 64 * 1024;

    private final ConnectionPool pool;
    private final ClientSettings settings;
    private final String hostHeader;
    private final boolean virtualThreads;
    private final PipelineCall[] ring;
    private final ByteBuf batch = new ByteBuf(4096);
    private final ByteBuf carried = new ByteBuf(4096);
    /** The writer's copy of the calls in the batch it sends, taken under the monitor. */
    private final PipelineCall[] batchCalls;

    // guarded by this
    private long answered;
    private long sent;
    private long queued;
    /** Takes no more calls: failed, retired when idle, or a request asked to close it. */
    private boolean closing;
    private boolean dead;
    /** Whether the reader is reading the response of the call at {@code answered}. */
    private boolean reading;
    private ClientConnection connection;
    /** The writer or reader while it parks for work, else null. */
    private Thread parkedWriter;
    private Thread parkedReader;

    PipelinedConnection(ConnectionPool pool, ClientSettings settings, String hostHeader, int maxPendingRequests, boolean virtualThreads) {
        this.pool = pool;
        this.virtualThreads = virtualThreads;
        this.settings = settings;
        this.hostHeader = hostHeader;
        this.ring = new PipelineCall[maxPendingRequests];
        this.batchCalls = new PipelineCall[maxPendingRequests];
    }

    /** Calls queued or on the wire. */
    synchronized int pending() {
        return (int) (queued - answered);
    }

    synchronized boolean isClosing() {
        return closing;
    }

    /**
     * Queues a call.
     *
     * @return false if this connection takes no more calls, or has {@code maxPendingRequests} already
     */
    boolean offer(PipelineCall call) {
        Thread writer;
        synchronized (this) {
            if (closing || queued - answered == ring.length) {
                return false;
            }
            ring[slot(queued)] = call;
            if (queued++ == 0) { // the first call: dial and start (so that a failing dial fails the call, not the offer)
                Thread.Builder threads = virtualThreads ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
                threads.name("fasthttp-pipeline-writer").start(this::writeLoop);
                threads.name("fasthttp-pipeline-reader").start(this::readLoop);
            }
            if (call.request.connectionClose()) {
                closing = true; // nothing may follow it on this connection
            }
            writer = parkedWriter;
        }
        LockSupport.unpark(writer);
        return true;
    }

    /** Fails every call and closes the connection. */
    void close(IOException reason) {
        fail(reason);
    }

    private int slot(long index) {
        return (int) (index % ring.length);
    }

    private void writeLoop() {
        try {
            ClientConnection c = pool.acquire(0); // dials; the pool lets the watchdog enforce deadlines
            synchronized (this) {
                if (dead) {
                    pool.discard(c);
                    return;
                }
                connection = c;
            }
            while (awaitQueued()) {
                long from;
                int count = 0;
                synchronized (this) {
                    if (dead) {
                        return;
                    }
                    from = sent;
                    for (long i = from; i < queued; i++) {
                        batchCalls[count++] = ring[slot(i)];
                    }
                }
                batch.clear(2 * MAX_BATCH_BYTES);
                int encoded = 0;
                while (encoded < count && batch.size() < MAX_BATCH_BYTES) {
                    batchCalls[encoded++].request.encode(batch, hostHeader, settings.userAgent(), Integer.MAX_VALUE);
                }
                Thread reader;
                synchronized (this) {
                    if (dead) {
                        return;
                    }
                    long now = System.nanoTime();
                    for (int i = 0; i < encoded; i++) {
                        batchCalls[i].writtenNanos = now;
                    }
                    sent = from + encoded;
                    reader = parkedReader;
                }
                LockSupport.unpark(reader);
                c.writeDeadlineNanos = System.nanoTime() + settings.writeTimeout().toNanos();
                try {
                    c.out.write(batch.array(), 0, batch.size());
                } catch (IOException e) {
                    throw c.pastDeadline(System.nanoTime())
                            ? new ClientException(ClientException.Kind.TIMEOUT, "the requests could not be written in time", null, e)
                            : e;
                } finally {
                    c.writeDeadlineNanos = 0;
                }
                Arrays.fill(batchCalls, 0, count, null);
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            if (!isDead()) { // else a caller reused its request after the connection failed it: harmless
                fail(new IOException("pipeline writer failed", e));
                throw e;
            }
        }
    }

    private synchronized boolean isDead() {
        return dead;
    }

    /**
     * Waits until calls are queued to be written: true then, false if the connection is done.
     * Retires it when nothing was asked of it for maxIdleConnectionDuration.
     */
    private boolean awaitQueued() {
        long idleSince = System.nanoTime();
        long maxIdle = settings.maxIdleConnectionDuration().toNanos();
        while (true) {
            long left;
            Thread reader;
            synchronized (this) {
                if (sent != queued || dead) {
                    parkedWriter = null;
                    return !dead;
                }
                if (answered != sent || closing) {
                    idleSince = System.nanoTime(); // responses still to come: not idle
                }
                left = maxIdle - (System.nanoTime() - idleSince);
                if (left > 0) {
                    parkedWriter = Thread.currentThread();
                    reader = null;
                } else {
                    closing = true;
                    dead = true;
                    parkedWriter = null;
                    reader = parkedReader;
                }
            }
            if (left <= 0) {
                LockSupport.unpark(reader); // to see it is done
                pool.release(connection, false);
                return false;
            }
            park(left);
        }
    }

    /** Waits until a call is sent and returns it, now the reader's to complete; null if the connection is done. */
    private PipelineCall awaitSent() {
        while (true) {
            synchronized (this) {
                if (dead) {
                    parkedReader = null;
                    return null;
                }
                if (answered != sent) {
                    parkedReader = null;
                    reading = true; // this call is the reader's to complete, whatever happens
                    return ring[slot(answered)];
                }
                parkedReader = Thread.currentThread();
            }
            park(Long.MAX_VALUE);
        }
    }

    private void readLoop() {
        PipelineCall call;
        while ((call = awaitSent()) != null) {
            ClientConnection c = connection; // set before anything was sent; seen through the monitor awaitSent took
            long limit = Math.max(System.nanoTime(), call.writtenNanos) + settings.readTimeout().toNanos();
            c.readDeadlineNanos = call.deadlineNanos != 0 && call.deadlineNanos - limit < 0 ? call.deadlineNanos : limit;
            IOException failure = null;
            boolean carryOn = false;
            try {
                carryOn = ResponseReader.readPipelined(c.in, call.response, call.request.isHead(), settings, carried);
            } catch (IOException e) {
                failure = c.pastDeadline(System.nanoTime())
                        ? new ClientException(ClientException.Kind.TIMEOUT, "the response did not come in time", null, e)
                        : e;
            } catch (RuntimeException e) {
                failure = new IOException("pipeline reader failed", e);
            } finally {
                c.readDeadlineNanos = 0;
            }
            synchronized (this) {
                reading = false;
                ring[slot(answered)] = null;
                answered++;
            }
            call.complete(failure, false);
            if (failure != null || !carryOn) {
                fail(failure != null ? failure
                        : new ClientException(ClientException.Kind.CONNECTION_CLOSED, "the server closed the pipelined connection"));
                return;
            }
        }
    }

    /**
     * Ends the connection: calls that may have reached the server fail with {@code reason}, those
     * that cannot have are marked unsent, so that they can go out on another connection. The one
     * the reader is reading, it completes itself.
     */
    private void fail(IOException reason) {
        ClientConnection c;
        Thread writer;
        Thread reader;
        synchronized (this) {
            if (dead) {
                return;
            }
            dead = true;
            closing = true;
            c = connection;
            for (long i = reading ? answered + 1 : answered; i < queued; i++) {
                PipelineCall call = ring[slot(i)];
                ring[slot(i)] = null;
                call.complete(reason, i >= sent);
            }
            writer = parkedWriter;
            reader = parkedReader;
        }
        LockSupport.unpark(writer); // to see it is done
        LockSupport.unpark(reader);
        if (c != null) {
            pool.discard(c); // also ends a read or write blocked on it
        }
    }

    /** Parks the writer or reader until unparked or {@code nanos} pass; an interrupt ends the connection. */
    private void park(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            LockSupport.park(this);
        } else {
            LockSupport.parkNanos(this, nanos);
        }
        if (Thread.interrupted()) {
            fail(new IOException("pipeline thread interrupted"));
        }
    }
}
