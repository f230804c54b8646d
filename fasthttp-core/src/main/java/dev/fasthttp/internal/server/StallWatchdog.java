package dev.fasthttp.internal.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Warns when a handler holds its event loop too long. Every connection of that loop waits
 * meanwhile, so the warning names the handler: it should be made blocking.
 *
 * <p>A daemon thread samples each loop a few times per threshold; the loops themselves only
 * publish when a handler started, with plain-cost stores. One warning per stalled invocation.
 */
public final class StallWatchdog {

    /**
     * What the watchdog reads of a loop's worker, from its own thread: plain-cost reads of values
     * the loop publishes with opaque stores.
     */
    public interface Watched {

        /** When the running handler started ({@link System#nanoTime()}), or 0 if none runs. */
        long handlerSince();

        /** How many handlers this loop has finished: tells one stalled invocation from the next. */
        long handlerRuns();

        /** Names what runs, for the warning (the route, or the handler); a racy read that only describes. */
        String describeRunning();

        /** The loop's thread, named in the warning. */
        Thread loopThread();
    }

    private final Watched[] workers;
    private final long thresholdNanos;
    private final System.Logger logger;
    private final long[] warnedRun;
    private final Thread thread;
    private volatile boolean running = true;

    public StallWatchdog(Watched[] workers, Duration threshold, System.Logger logger) {
        this.workers = workers;
        this.thresholdNanos = threshold.toNanos();
        this.logger = logger;
        this.warnedRun = new long[workers.length];
        java.util.Arrays.fill(warnedRun, -1);
        this.thread = Thread.ofPlatform().daemon().name("fasthttp-watchdog").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        long intervalNanos = Math.max(10_000_000, thresholdNanos / 4);
        while (running) {
            LockSupport.parkNanos(intervalNanos); // unlike Thread.sleep, allocates nothing
            if (Thread.interrupted()) {
                return;
            }
            check(System.nanoTime());
        }
    }

    private void check(long now) {
        for (int i = 0; i < workers.length; i++) {
            Watched w = workers[i];
            long since = w.handlerSince();
            long run = w.handlerRuns();
            if (since != 0 && now - since > thresholdNanos && warnedRun[i] != run) {
                warnedRun[i] = run;
                logger.log(System.Logger.Level.WARNING, w.describeRunning() + " has held event loop "
                        + w.loopThread().getName() + " for " + (now - since) / 1_000_000 + " ms; every connection "
                        + "of the loop waits meanwhile. Make it blocking: RequestHandler.blocking(...) or ctx.runBlocking(...)");
            }
        }
    }
}
