package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.ResponseObserver;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The access log: a line per response, formatted on the event loop while the request is still
 * readable, and written by a thread of its own through the logger {@value #LOGGER}, so a slow
 * appender never holds up a loop. Lines wait in a bounded queue; when it is full they are dropped
 * and counted, and the writer says how many it missed.
 *
 * <p>Closed after the server has stopped (a bean is destroyed after the lifecycle stops), so the
 * last requests of a graceful shutdown are logged too.
 */
final class AccessLog implements ResponseObserver, DisposableBean {

    static final String LOGGER = "dev.fasthttp.accesslog";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Logger own = LoggerFactory.getLogger(AccessLog.class);
    /** Ends the writer; compared by identity, so no logged line can be taken for it. */
    private static final String END = new String("end of the access log");

    private final AccessLogFormat format;
    private final BlockingQueue<String> lines;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;

    /** The writer is a virtual thread with {@code virtualThreads} ({@code spring.threads.virtual.enabled}), else a daemon. */
    AccessLog(AccessLogFormat format, int queueSize, boolean virtualThreads) {
        this.format = format;
        this.lines = new ArrayBlockingQueue<>(queueSize);
        Thread.Builder threads = virtualThreads ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        this.writer = threads.name("fasthttp-accesslog").start(this::write);
    }

    @Override
    public void onResponse(RequestCtx ctx, long durationNanos, Throwable failure) {
        if (!lines.offer(format.format(ctx, durationNanos))) {
            dropped.incrementAndGet();
        }
    }

    boolean writesOnAVirtualThread() {
        return writer.isVirtual();
    }

    private void write() {
        long reported = 0;
        try {
            for (String line = lines.take(); line != END; line = lines.take()) {
                log.info(line);
                long missed = dropped.get();
                if (missed != reported) {
                    own.warn("access log dropped {} line(s) so far: the log could not keep up", missed);
                    reported = missed;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then ends the writer (waiting for it at most five seconds). */
    @Override
    public void destroy() throws InterruptedException {
        if (!lines.offer(END, 5, TimeUnit.SECONDS)) {
            writer.interrupt();
        }
        writer.join(5_000);
    }
}
