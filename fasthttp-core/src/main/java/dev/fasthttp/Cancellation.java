package dev.fasthttp;

import dev.fasthttp.internal.server.HandlerTimer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.concurrent.ScheduledFuture;

/**
 * What the engine and a handler share about ending one request early: the done signal and who to
 * tell when it fires, the handler's timeout and the response for it, and, once the request was
 * answered without waiting for its handler (it was abandoned), the input that handler may still
 * be reading.
 *
 * <p>Lifecycle, for a request whose handler runs off the loop:
 * <ol>
 *   <li>{@link TimeoutHandler} {@linkplain #arm arms} a deadline (on the loop, or on the virtual
 *       thread if it runs there);</li>
 *   <li>the virtual thread {@linkplain #startRun starts its run}: from now on a firing interrupts
 *       it, and an armed deadline has a timer that wakes the connection;</li>
 *   <li>the loop {@linkplain #fire fires} the signal (client gone, shutdown cut), or finds the
 *       deadline passed and {@linkplain #abandonIfOverran abandons} the request, which fires it
 *       too;</li>
 *   <li>the virtual thread {@linkplain #endRun ends its run}: no interrupt reaches it after that,
 *       and a deadline can no longer abandon the request;</li>
 *   <li>the ctx is {@linkplain #reset reset} when the pool hands it out again.</li>
 * </ol>
 *
 * <p>One per ctx, made with it. Whatever crosses threads is under this object's lock, except
 * {@link #isDone()} (a volatile read). A request that never asks costs one plain check at reset.
 */
final class Cancellation {

    private volatile DoneReason reason;
    /** Anything set since the last reset; read by the loop after the handler is over. */
    private boolean used;

    private Thread runner;
    private boolean returned;
    private ArrayList<Runnable> callbacks;

    /** When the handler overruns, in {@link System#nanoTime()}; 0 when it has no timeout. */
    private long deadline;
    private String armedMessage;
    private int armedStatus;
    private boolean handlerChose;
    private String chosenMessage;
    private int chosenStatus;
    private Runnable overrunCheck;
    private ScheduledFuture<?> timer;

    // The loop's alone.
    private boolean abandoned;
    private ByteBuffer heldInput;

    void reset() {
        if (!used) {
            return;
        }
        synchronized (this) {
            reason = null;
            runner = null;
            returned = false;
            callbacks = null;
            deadline = 0;
            armedMessage = chosenMessage = null;
            armedStatus = chosenStatus = 0;
            handlerChose = false;
            overrunCheck = null;
            timer = null;
            abandoned = false;
            heldInput = null;
            used = false;
        }
    }

    // ---- the done signal ---------------------------------------------------------------------

    boolean isDone() {
        return reason != null;
    }

    DoneReason reason() {
        return reason;
    }

    /** Runs {@code callback} when the signal fires, on the thread that fires it; at once if it has. */
    void onDone(Runnable callback) {
        synchronized (this) {
            if (reason == null) {
                used = true;
                if (callbacks == null) {
                    callbacks = new ArrayList<>(2);
                }
                callbacks.add(callback);
                return;
            }
        }
        callback.run();
    }

    /** Fires the signal, once: interrupts the handler's virtual thread if it still runs, then runs the callbacks. */
    void fire(DoneReason why, System.Logger logger) {
        ArrayList<Runnable> toRun;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            used = true;
            reason = why;
            if (runner != null && !returned) {
                runner.interrupt();
            }
            toRun = callbacks;
            callbacks = null;
        }
        if (toRun != null) {
            for (Runnable callback : toRun) {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    logger.log(System.Logger.Level.WARNING, "a done callback failed", e);
                }
            }
        }
    }

    // ---- the run off the loop ----------------------------------------------------------------

    /**
     * {@code thread} runs the handler from now on; {@code overrunCheck} wakes the connection to
     * look at the deadline. A signal that fired already interrupts it at once.
     */
    void startRun(Thread thread, Runnable overrunCheck) {
        synchronized (this) {
            used = true;
            runner = thread;
            returned = false;
            this.overrunCheck = overrunCheck;
            schedule();
            if (reason != null) {
                thread.interrupt();
            }
        }
    }

    /** The handler returned (on the thread that ran it): no interrupt, no timeout after this. */
    void endRun() {
        ScheduledFuture<?> pending;
        synchronized (this) {
            returned = true;
            runner = null;
            pending = timer;
            timer = null;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        Thread.interrupted(); // an interrupt meant for the handler ends with it
    }

    // ---- the timeout -------------------------------------------------------------------------

    /** Gives the handler {@code timeoutNanos} from now, answered by {@code status} and {@code message} if it overruns. */
    void arm(long timeoutNanos, String message, int status) {
        ScheduledFuture<?> stale;
        synchronized (this) {
            used = true;
            long at = System.nanoTime() + timeoutNanos;
            deadline = at == 0 ? 1 : at;
            armedMessage = message;
            armedStatus = status;
            stale = timer;
            timer = null;
            schedule();
        }
        if (stale != null) {
            stale.cancel(false);
        }
    }

    private void schedule() {
        if (overrunCheck != null && deadline != 0 && timer == null && !returned) {
            timer = HandlerTimer.schedule(overrunCheck, deadline - System.nanoTime());
        }
    }

    /** {@link RequestCtx#timeoutError}: the handler chose the timeout response; {@code status} 0 keeps the armed one. */
    synchronized void choose(String message, int status) {
        used = true;
        handlerChose = true;
        chosenMessage = message;
        chosenStatus = status;
    }

    synchronized boolean handlerChose() {
        return handlerChose;
    }

    synchronized String timeoutMessage() {
        return handlerChose ? chosenMessage : armedMessage;
    }

    synchronized int timeoutStatus() {
        return handlerChose && chosenStatus != 0 ? chosenStatus : armedStatus != 0 ? armedStatus : TimeoutHandler.DEFAULT_STATUS;
    }

    /**
     * Loop: if the deadline passed while the handler still runs, the request is abandoned (it will
     * be answered without its handler) and the signal fires; true then.
     */
    boolean abandonIfOverran(long now, System.Logger logger) {
        synchronized (this) {
            if (returned || deadline == 0 || now - deadline < 0 || abandoned) {
                return false;
            }
            abandoned = true;
        }
        fire(DoneReason.TIMEOUT, logger);
        return true;
    }

    /** Loop: the handler returned having called {@link RequestCtx#timeoutError}; the request is abandoned. */
    void abandon(System.Logger logger) {
        synchronized (this) {
            abandoned = true;
        }
        fire(DoneReason.TIMEOUT, logger);
    }

    /** Loop: whether the request was answered without its handler. */
    boolean abandoned() {
        return abandoned;
    }

    /** Loop: keeps the read buffer the abandoned request's views point into, until its handler returns. */
    void hold(ByteBuffer input) {
        heldInput = input;
    }

    ByteBuffer takeHeld() {
        ByteBuffer held = heldInput;
        heldInput = null;
        return held;
    }
}
