package dev.fasthttp;

import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One daemon thread for all clients: about every 100 ms it cuts writes that passed their
 * deadline (a blocking socket write cannot time out by itself) and closes connections idle too
 * long. Pools are held weakly, so a client that is dropped without being closed does not leak.
 */
final class ClientWatchdog {

    private static final long PERIOD_MILLIS = 100;
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
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            boolean collected = false;
            for (WeakReference<ConnectionPool> ref : POOLS) {
                ConnectionPool pool = ref.get();
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
