package dev.fasthttp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many callers of a client at once, each checking its own answers: the shape of every concurrency test here. */
public final class ConcurrentCallers {

    /** One caller's work, given its number; its assertions fail the test. */
    public interface Caller {
        void call(int caller) throws Exception;
    }

    private ConcurrentCallers() {
    }

    /**
     * Starts callers {@code 0..count-1} on {@code threads} and waits for them all (a minute at
     * most each, far above what a loaded machine needs), rethrowing the first failure.
     */
    public static void run(ExecutorService threads, int count, Caller caller) throws Exception {
        List<Future<?>> calls = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int id = c;
            calls.add(threads.submit(() -> {
                caller.call(id);
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
    }
}
