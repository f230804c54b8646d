package dev.fasthttp;

import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread for all clients: every {@value #PERIOD_MILLIS} ms it cuts writes and reads
 * that passed their deadline, so timeouts fire at most that late, and closes connections idle too
 * long. Blocking sockets cannot time out a write by themselves, and a read timeout on the socket
 * would cost two extra system calls per read. Pools are held weakly, so a client that is dropped
 * without being closed does not leak.
 */
final class ClientWatchdog {

    private static final long PERIOD_MILLIS = 10;
    private static final long PERIOD_NANOS = PERIOD_MILLIS * 1_000_000;
    private static final CopyOnWriteArrayList<WeakReference<ConnectionPool>> POOLS = new CopyOnWriteArrayList<>();

    static {
        Thread.ofPlatform().daemon().name("fasthttp-client-watchdog").start(ClientWatchdog::run);
    }

    private ClientWatchdog() {
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
