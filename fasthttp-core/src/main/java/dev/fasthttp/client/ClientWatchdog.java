package dev.fasthttp.client;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread for all clients: every {@value #PERIOD_MILLIS} ms it cuts connects, TLS
 * handshakes, writes and reads that passed their deadline, so timeouts fire at most that late,
 * and closes connections idle too long. Blocking sockets cannot time out a write by themselves,
 * and socket timeouts on connects or reads would cost two extra system calls per read. Pools are
 * held weakly, so a client that is dropped without being closed does not leak.
 */
final class ClientWatchdog {

    private static final long PERIOD_MILLIS = 10;
    private static final long PERIOD_NANOS = PERIOD_MILLIS * 1_000_000;
    private static final CopyOnWriteArrayList<WeakReference<ConnectionPool>> POOLS = new CopyOnWriteArrayList<>();
    private static final Set<Pending> SETUPS = ConcurrentHashMap.newKeySet();

    /** A connect or TLS handshake under way: its socket is closed if it is not {@link #done} by its deadline. */
    static final class Pending {
        private final Socket socket;
        private final long deadlineNanos;
        private volatile boolean expired;

        private Pending(Socket socket, long deadlineNanos) {
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        void done() {
            SETUPS.remove(this);
        }

        /** Whether the watchdog closed the socket because the deadline passed. */
        boolean expired() {
            return expired;
        }

        private void expireIfDue(long now) {
            if (now - deadlineNanos > 0) {
                expired = true;
                SETUPS.remove(this);
                try {
                    socket.close(); // the blocked connect or handshake fails
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    static {
        Thread.ofPlatform().daemon().name("fasthttp-client-watchdog").start(ClientWatchdog::run);
    }

    private ClientWatchdog() {
    }

    /** Watches a connect or handshake about to start. Allocates: those are not the hot path. */
    static Pending closeUnlessDoneWithin(Socket socket, Duration timeout) {
        Pending pending = new Pending(socket, System.nanoTime() + timeout.toNanos());
        SETUPS.add(pending);
        return pending;
    }

    static void watch(ConnectionPool pool) {
        POOLS.add(new WeakReference<>(pool));
    }

    static void forget(ConnectionPool pool) {
        POOLS.removeIf(ref -> ref.get() == null || ref.get() == pool);
    }

    private static void run() {
        while (true) {
            LockSupport.parkNanos(PERIOD_NANOS); // unlike Thread.sleep, allocates nothing
            if (Thread.interrupted()) {
                return;
            }
            long now = System.nanoTime();
            if (!SETUPS.isEmpty()) {
                for (Pending pending : SETUPS) {
                    pending.expireIfDue(now);
                }
            }
            boolean collected = false;
            for (int i = 0; i < POOLS.size(); i++) { // indexed: no iterator to allocate, 100 times a second
                ConnectionPool pool = POOLS.get(i).get();
                if (pool == null) {
                    collected = true;
                } else {
                    pool.sweep(now);
                }
            }
            if (collected) {
                POOLS.removeIf(ref -> ref.get() == null);
            }
        }
    }
}
