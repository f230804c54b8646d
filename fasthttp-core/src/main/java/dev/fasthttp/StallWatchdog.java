package dev.fasthttp;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Warns when a handler holds its event loop too long. Every connection of that loop waits
 * meanwhile, so the warning names the handler: it should be made blocking.
 *
 * <p>A daemon thread samples each loop a few times per threshold; the loops themselves only
 * publish when a handler started, with plain-cost stores. One warning per stalled invocation.
 */
final class StallWatchdog {

    private final Worker[] workers;
    private final long thresholdNanos;
    private final System.Logger logger;
    private final long[] warnedRun;
    private final Thread thread;
    private volatile boolean running = true;

    StallWatchdog(Worker[] workers, Duration threshold, System.Logger logger) {
        this.workers = workers;
        this.thresholdNanos = threshold.toNanos();
        this.logger = logger;
        this.warnedRun = new long[workers.length];
        java.util.Arrays.fill(warnedRun, -1);
        this.thread = Thread.ofPlatform().daemon().name("fasthttp-watchdog").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void stop() {
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

    void check(long now) {
        for (int i = 0; i < workers.length; i++) {
            Worker w = workers[i];
            long since = w.handlerSince();
            long run = w.handlerRuns();
            if (since != 0 && now - since > thresholdNanos && warnedRun[i] != run) {
                warnedRun[i] = run;
                logger.log(System.Logger.Level.WARNING, "handler " + w.runningHandler() + " has held event loop "
                        + w.loop().thread().getName() + " for " + (now - since) / 1_000_000 + " ms; every connection "
                        + "of the loop waits meanwhile. Make it blocking: RequestHandler.blocking(...) or ctx.runBlocking(...)");
            }
        }
    }
}
