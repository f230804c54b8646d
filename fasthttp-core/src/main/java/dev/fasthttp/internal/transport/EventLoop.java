package dev.fasthttp.internal.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One platform thread, one {@link Selector}: waits for ready channels and hands each to the
 * {@link IoHandler} attached to its key, runs tasks other threads submit, and calls a tick
 * hook periodically (for timeouts).
 *
 * <pre>
 *   loop:  select(ready keys -> IoHandler.onReady)  ->  run submitted tasks  ->  tick if due
 * </pre>
 *
 * Everything a loop owns (its channels, buffers, counters) is touched by its thread only, so
 * none of it needs locks. Other threads talk to it through {@link #execute(Runnable)}.
 *
 * <p>The steady state allocates nothing: ready keys go to a consumer built once (no selected-key
 * set iteration), and the task queue is only used by cross-thread work.
 */
public final class EventLoop {

    /** Called on the loop thread about every tick interval, with {@link System#nanoTime()}. */
    public interface Tick {
        void tick(long nowNanos);
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    private final long tickIntervalNanos;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile Tick tick = now -> { };
    private volatile boolean running = true;
    private boolean clockFresh;
    private long nowNanos = System.nanoTime();
    private long nowMillis = System.currentTimeMillis();

    public EventLoop(String name, long tickIntervalNanos) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.tickIntervalNanos = tickIntervalNanos;
        this.thread = Thread.ofPlatform().name(name).unstarted(this::run);
    }

    public void setTick(Tick tick) {
        this.tick = tick;
    }

    public void start() {
        thread.start();
    }

    public Selector selector() {
        return selector;
    }

    public Thread thread() {
        return thread;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** {@link System#nanoTime()} as of the last wake-up; cheaper than reading the clock per request. */
    public long nowNanos() {
        return nowNanos;
    }

    /** {@link System#currentTimeMillis()} as of the last wake-up. */
    public long nowMillis() {
        return nowMillis;
    }

    /** Runs {@code task} on the loop thread, soon. Safe from any thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && !wakeupPending.getAndSet(true)) {
            selector.wakeup();
        }
    }

    /** Stops the loop after the current iteration and closes the selector. */
    public void stop() {
        running = false;
        selector.wakeup();
    }

    public boolean awaitTermination(long millis) throws InterruptedException {
        return terminated.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void run() {
        long nextTick = System.nanoTime() + tickIntervalNanos;
        try {
            while (running) {
                long timeoutMillis = Math.max(1, (nextTick - nowNanos) / 1_000_000);
                clockFresh = false;
                if (tasks.isEmpty()) {
                    selector.select(dispatch, timeoutMillis);
                } else {
                    selector.selectNow(dispatch);
                }
                // Reset before draining: a task added from now on either gets drained below or
                // wakes the next select.
                wakeupPending.set(false);
                if (!clockFresh) {
                    updateClock();
                }
                runTasks();
                if (nowNanos - nextTick >= 0) {
                    nextTick = nowNanos + tickIntervalNanos;
                    tick.tick(nowNanos);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            System.getLogger(EventLoop.class.getName()).log(System.Logger.Level.ERROR,
                    "event loop " + thread.getName() + " failed", e);
        } finally {
            try {
                runTasks();
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            terminated.countDown();
        }
    }

    private void updateClock() {
        nowNanos = System.nanoTime();
        nowMillis = System.currentTimeMillis();
        clockFresh = true;
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.getLogger(EventLoop.class.getName()).log(System.Logger.Level.ERROR,
                        "task failed on " + thread.getName(), e);
            }
        }
    }

    private void dispatch(SelectionKey key) {
        // The clock is read once per wake-up, before the first handler needs it.
        if (!clockFresh) {
            updateClock();
        }
        ((IoHandler) key.attachment()).onReady(key);
    }
}
