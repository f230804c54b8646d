package dev.fasthttp.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ClientGetEndToEnd{N}Inmemory} measured the way Go's {@code b.RunParallel} measures it:
 * N virtual-thread callers loop over the same call as {@link ClientBenchmark}'s, and the time per
 * request is the wall time over all requests made, as Go's ns/op is.
 *
 * <p>A cross-check of the JMH figures with many callers, where JMH's harness weighs on them: it
 * sums each thread's own rate, and it runs each caller some twenty frames deep (executor, task,
 * reflective call, generated stub), frames a virtual thread copies out of and back onto its
 * carrier at every switch. With a thousand callers those copies, and JMH's per-thread state, no
 * longer stay in the CPU's caches. Here a caller's stack is the call itself.
 *
 * <pre>taskset -c 0 java -Xms512m -Xmx512m -XX:AutoBoxCacheMax=65536 \
 *     -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.ParallelCallers 1 10 100 1000</pre>
 *
 * Each caller count gets its own client and listener, {@value #WARMUP_SECONDS} seconds of warm-up
 * and {@value #MEASURED_SECONDS} measured seconds; the median second is printed, one line per
 * count ({@code ClientGetEndToEnd1000Inmemory 2407 ns/op ...}), which {@code compare-clients.sh}
 * runs each round and {@link dev.fasthttp.benchmarks.jmh.ClientComparison} tabulates.
 */
public final class ParallelCallers {

    static final int WARMUP_SECONDS = 10;
    static final int MEASURED_SECONDS = 5;

    private ParallelCallers() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            int callers = Integer.parseInt(arg);
            double[] nanosPerRequest = run(callers, WARMUP_SECONDS, MEASURED_SECONDS);
            Arrays.sort(nanosPerRequest);
            System.out.printf("ClientGetEndToEnd%dInmemory %.0f ns/op (median of %d seconds; fastest %.0f, slowest %.0f)%n",
                    callers, nanosPerRequest[nanosPerRequest.length / 2], nanosPerRequest.length,
                    nanosPerRequest[0], nanosPerRequest[nanosPerRequest.length - 1]);
        }
    }

    /** Time per request over all callers in each measured second, in nanoseconds. */
    static double[] run(int callers, int warmupSeconds, int measuredSeconds) throws Exception {
        ClientBenchmark.Inmemory mem = new ClientBenchmark.Inmemory();
        LongAdder requests = new LongAdder();
        Failure failure = new Failure();
        List<Thread> threads = new ArrayList<>();
        mem.start();
        try {
            for (int i = 0; i < callers; i++) {
                threads.add(Thread.ofVirtual().name("caller-" + i).start(() -> call(mem, requests, failure)));
            }
            double[] perSecond = new double[measuredSeconds];
            for (int s = -warmupSeconds; s < measuredSeconds; s++) {
                long before = requests.sum();
                long start = System.nanoTime();
                Thread.sleep(1000);
                long made = requests.sum() - before;
                long elapsed = System.nanoTime() - start;
                failure.rethrow();
                if (s >= 0) {
                    perSecond[s] = (double) elapsed / Math.max(made, 1);
                }
            }
            return perSecond;
        } finally {
            failure.stop = true;
            for (Thread t : threads) {
                t.join();
            }
            mem.stop();
        }
    }

    private static void call(ClientBenchmark.Inmemory mem, LongAdder requests, Failure failure) {
        ClientBenchmark.Caller caller = new ClientBenchmark.Caller();
        try {
            while (!failure.stop) {
                ClientBenchmark.get(mem.client, mem.url, caller);
                requests.increment();
            }
        } catch (IOException | RuntimeException e) {
            failure.first = e;
            failure.stop = true;
        }
    }

    /** Tells the callers to stop, and keeps what made one fail. */
    private static final class Failure {
        volatile boolean stop;
        volatile Exception first;

        void rethrow() throws Exception {
            if (first != null) {
                throw first;
            }
        }
    }
}
