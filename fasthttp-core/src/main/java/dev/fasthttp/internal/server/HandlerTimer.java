package dev.fasthttp.internal.server;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a connection when a handler's timeout runs out. One daemon thread for the whole JVM,
 * started on first use: a loop's tick (every 5 to 250 ms) is too coarse for handler timeouts,
 * which may be short, and only requests that have a timeout pay for a timer entry (a cancelled
 * one is removed at once, so a handler that returns in time leaves nothing queued).
 */
public final class HandlerTimer {

    private HandlerTimer() {
    }

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                    Thread.ofPlatform().name("fasthttp-handler-timer").daemon().factory());
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    /** Runs {@code task} on the timer thread after {@code delayNanos} (at once if not positive); it must be quick. */
    public static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return Holder.TIMER.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
