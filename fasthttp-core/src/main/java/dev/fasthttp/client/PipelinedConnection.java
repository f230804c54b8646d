package dev.fasthttp.client;

import dev.fasthttp.internal.bytes.ByteBuf;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * One connection of a {@link PipelineClient}. Its work comes in two turns, each taken by one
 * thread at a time: writing, which sends every queued request in as few writes as it can without
 * waiting for responses, and reading, which takes the responses, which come back in request order
 * (RFC 9112 9.3.2), and hands each to its caller.
 *
 * <p>Platform-thread callers take the turns themselves while they wait (leader/follower): one
 * writes the requests queued so far, its own among them; one reads answers in order until its own
 * has come, then passes the reading on to a caller still waiting for its answer, whom the answer
 * would have had to wake anyway. A lone caller thus writes and reads for itself, as with {@link
 * HostClient}, and a handoff between kernel-scheduled threads happens only where one is needed,
 * instead of three per request through writer and reader threads.
 *
 * <p>Virtual-thread callers leave the turns to two virtual threads of the connection, started with
 * the first such call: the JDK closes a socket whose I/O is interrupted on a virtual thread
 * (structured concurrency cancels that way), and a shared connection must not die with the
 * request of one cancelled caller. Between virtual threads a handoff is a switch in user space.
 *
 * <p>The calls sit in a ring, in three runs: answered ones behind {@code answered}, sent ones up
 * to {@code sent}, queued ones up to {@code queued}. A call counts as sent once its bytes start
 * going out: its answer must be read while a long batch is still being written, or a server
 * answering as it reads would fill both directions and stall. So whoever writes makes sure someone
 * else is reading, unless the only answer awaited is its own. Everything moves under this
 * object's monitor; a full ring refuses new calls rather than growing.
 *
 * <p>While no call is pending, the connection waits in the client's pool, which closes it once it
 * has idled for maxIdleConnectionDuration.
 *
 * <p>Threads wait by parking, not with {@code Object.wait}: a virtual thread woken from a monitor
 * wait is handed back to its scheduler by a platform thread of the JDK's (the
 * "VirtualThread-unblocker"), a kernel wake-up on every request, where an unpark stays in user
 * space. Whoever hands work on unparks its taker after changing the counters under the monitor,
 * and takers look at the counters under it before they park, so no wake-up is lost (an unpark
 * before the park makes the park return at once).
 */
final class PipelinedConnection {

    /** A batch stops growing past this many bytes; a buffer grown past twice this is let go after use. */
    private static final int MAX_BATCH_BYTES = 64 * 1024;

    private final ConnectionPool pool;
    private final ClientSettings settings;
    private final String hostHeader;
    private final PipelineCall[] ring;
    private final ByteBuf batch = new ByteBuf(4096);
    /** Bytes read past the response being read: the start of the next. The reader's. */
    private final ByteBuf carried = new ByteBuf(4096);
    /** The writer's copy of the calls in the batch it sends, taken under the monitor. */
    private final PipelineCall[] batchCalls;

    // guarded by this
    private long answered;
    private long sent;
    private long queued;
    /** Takes no more calls: failed, or a request asked to close it. */
    private boolean closing;
    private boolean dead;
    /** Whether the reader is reading the response of the call at {@code answered}. */
    private boolean readingAnswer;
    /** Null while no call is pending: then it is idle in the pool. */
    private ClientConnection connection;
    /** The threads whose turn it is to write and to read, null if nobody's. */
    private Thread writer;
    private Thread reader;
    /** The connection's own threads, for virtual-thread callers; null until the first such call. */
    private Thread ownWriter;
    private Thread ownReader;

    PipelinedConnection(ConnectionPool pool, ClientSettings settings, String hostHeader, int maxPendingRequests) {
        this.pool = pool;
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
     * Queues a call, {@link PipelineCall#prepare prepared} by its caller, who then {@link #await}s it.
     *
     * @return false if this connection takes no more calls, or has {@code maxPendingRequests} already
     */
    boolean offer(PipelineCall call) {
        Thread wake = null;
        synchronized (this) {
            if (closing || queued - answered == ring.length) {
                return false;
            }
            ring[slot(queued++)] = call;
            if (call.request.connectionClose()) {
                closing = true; // nothing may follow it on this connection
            }
            if (!call.works()) {
                if (ownWriter == null) {
                    ownWriter = Thread.ofVirtual().name("fasthttp-pipeline-writer").start(() -> ownThreadLoop(true));
                    ownReader = Thread.ofVirtual().name("fasthttp-pipeline-reader").start(() -> ownThreadLoop(false));
                }
                wake = ownWriter;
            }
        }
        LockSupport.unpark(wake);
        return true;
    }

    /**
     * Returns when the call is answered or failed; a platform-thread caller meanwhile writes and
     * reads whenever that turn is free. Not interruptible: a request on the wire cannot be taken
     * back, and its response must be read before the next one; the watchdog bounds the wait by the
     * read timeout. An interrupt is kept for the caller to see afterwards.
     */
    void await(PipelineCall call) throws IOException {
        boolean interrupted = Thread.interrupted(); // the turns' I/O must not see it
        while (!call.isDone()) {
            if (!call.works() || !takeTurn(call, true, true)) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        call.end();
    }

    /** Fails every call and closes the connection. */
    void close(IOException reason) {
        fail(reason);
    }

    private int slot(long index) {
        return (int) (index % ring.length);
    }

    /** The connection's own writer or reader: takes its turn whenever it is free, until the connection ends. */
    private void ownThreadLoop(boolean writes) {
        while (!isDead()) {
            if (!takeTurn(null, writes, !writes)) {
                LockSupport.park(this);
                Thread.interrupted(); // nobody else holds these threads; the connection's end stops them
            }
        }
    }

    private synchronized boolean isDead() {
        return dead;
    }

    /**
     * Writes the queued requests or reads answers, writing first, if that turn is free and has
     * work; false if neither had.
     *
     * @param own the call the thread waits for, whose answer ends its reading; null for the connection's reader
     */
    private boolean takeTurn(PipelineCall own, boolean mayWrite, boolean mayRead) {
        Thread me = Thread.currentThread();
        boolean write;
        synchronized (this) {
            if (dead) {
                return false;
            }
            if (mayWrite && writer == null && sent != queued) {
                writer = me;
                write = true;
            } else if (mayRead && reader == null && answered != sent) {
                reader = me;
                write = false;
            } else {
                return false;
            }
        }
        if (write) {
            writeQueued();
        } else {
            readAnswers(own);
        }
        return true;
    }

    /** The writer's turn: sends what is queued, up to a batch, then passes the turn on if more came meanwhile. */
    private void writeQueued() {
        int count = 0;
        try {
            ClientConnection c = connection();
            if (c == null) {
                return; // failed meanwhile
            }
            long from;
            synchronized (this) {
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
            Thread nextReader;
            synchronized (this) {
                if (dead) {
                    return;
                }
                long now = System.nanoTime();
                for (int i = 0; i < encoded; i++) {
                    batchCalls[i].writtenNanos = now;
                }
                sent = from + encoded;
                nextReader = reader == null ? nextReader() : null;
            }
            LockSupport.unpark(nextReader);
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
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) { // a request that cannot be encoded, say one its caller changed after a failure
            fail(new IOException("pipeline writer failed", e));
        } finally {
            Arrays.fill(batchCalls, 0, count, null);
            Thread nextWriter;
            synchronized (this) {
                writer = null;
                nextWriter = dead || sent == queued ? null : nextWriter();
                releaseIfIdle();
            }
            LockSupport.unpark(nextWriter);
        }
    }

    /** The connection to write on: the one in use, else one from the pool (dialled if none is idle there); null if failed. */
    private ClientConnection connection() throws IOException {
        synchronized (this) {
            if (dead) {
                return null;
            }
            if (connection != null) {
                return connection;
            }
        }
        ClientConnection c = pool.acquire(0); // the pool lets the watchdog enforce the connect timeout
        synchronized (this) {
            if (!dead) {
                connection = c; // the writer's alone to set while none: the reader reads only what was sent on it
                return c;
            }
        }
        pool.release(c, true);
        return null;
    }

    /**
     * The reader's turn: reads answers in order until its own call's has come (the connection's
     * reader: until every sent call is answered), then passes the turn on.
     */
    private void readAnswers(PipelineCall own) {
        while (true) {
            PipelineCall call;
            ClientConnection c;
            synchronized (this) {
                if (dead || answered == sent) {
                    reader = null;
                    releaseIfIdle();
                    return;
                }
                call = ring[slot(answered)];
                c = connection; // set before anything was sent on it
                readingAnswer = true;
            }
            long limit = Math.max(System.nanoTime(), call.writtenNanos) + settings.readTimeout().toNanos();
            c.readDeadlineNanos = call.deadlineNanos != 0 && call.deadlineNanos - limit < 0 ? call.deadlineNanos : limit;
            IOException failure = null;
            boolean carryOn = false;
            try {
                carryOn = ResponseReader.readPipelined(c.in, call.response, call.request.isHead(), settings, carried);
                if (c.cut) {
                    throw new IOException("the connection was cut at the deadline");
                }
            } catch (IOException e) {
                failure = c.pastDeadline(System.nanoTime())
                        ? new ClientException(ClientException.Kind.TIMEOUT, "the response did not come in time", null, e)
                        : e;
            } catch (RuntimeException e) {
                failure = new IOException("pipeline reader failed", e);
            } finally {
                c.readDeadlineNanos = 0;
            }
            boolean ended = failure != null || !carryOn;
            boolean mine = call == own;
            Thread nextReader = null;
            synchronized (this) {
                readingAnswer = false;
                ring[slot(answered)] = null;
                answered++;
                if (mine && !ended) {
                    reader = null;
                    nextReader = dead || answered == sent ? null : nextReader(); // dead: the writer failed it meanwhile
                    releaseIfIdle();
                }
            }
            call.complete(failure, false);
            if (ended) {
                fail(failure != null ? failure
                        : new ClientException(ClientException.Kind.CONNECTION_CLOSED, "the server closed the pipelined connection"));
            } else if (mine) {
                LockSupport.unpark(nextReader);
                return;
            }
        }
    }

    /**
     * Who should read next, lock held: the connection's reader if it has one, else the first
     * caller awaiting an answer that is not busy writing; null if there is none, when the only
     * answer awaited is the writer's own, which it reads once written.
     */
    private Thread nextReader() {
        if (ownReader != null) {
            return ownReader;
        }
        for (long i = answered; i < sent; i++) {
            Thread caller = ring[slot(i)].caller;
            if (caller != writer) {
                return caller;
            }
        }
        return null;
    }

    /** Who should write next, lock held, calls queued: the connection's writer if it has one, else the first caller queued. */
    private Thread nextWriter() {
        return ownWriter != null ? ownWriter : ring[slot(sent)].caller;
    }

    /**
     * Lock held: puts the connection back in the pool if nothing is pending on it and nobody is
     * writing or reading, until the next call takes it. Bytes the server sent unasked make it unfit.
     */
    private void releaseIfIdle() {
        if (connection != null && !dead && writer == null && reader == null && answered == queued) {
            pool.release(connection, carried.isEmpty());
            connection = null;
            carried.clear();
        }
    }

    /**
     * Ends the connection: calls that may have reached the server fail with {@code reason}, those
     * that cannot have are marked unsent, so that they can go out on another connection. The one
     * whose answer is being read, its reader completes.
     */
    private void fail(IOException reason) {
        ClientConnection c;
        Thread w;
        Thread r;
        synchronized (this) {
            if (dead) {
                return;
            }
            dead = true;
            closing = true;
            c = connection;
            for (long i = readingAnswer ? answered + 1 : answered; i < queued; i++) {
                PipelineCall call = ring[slot(i)];
                ring[slot(i)] = null;
                call.complete(reason, i >= sent);
            }
            w = ownWriter;
            r = ownReader;
        }
        LockSupport.unpark(w); // to see it is done
        LockSupport.unpark(r);
        if (c != null) {
            pool.discard(c); // also ends a read or write blocked on it
        }
    }
}
