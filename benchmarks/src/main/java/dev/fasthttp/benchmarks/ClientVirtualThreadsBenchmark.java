package dev.fasthttp.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ClientBenchmark} with virtual-thread callers, JMH's {@code jmh.executor=VIRTUAL}: the
 * callers (and, in memory, the server connections) are then scheduled in user space on one
 * carrier thread, as Go's goroutines are, instead of by the kernel. Parking a virtual thread
 * stores its stack in the heap, so these variants allocate where the platform-thread ones do not.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:AutoBoxCacheMax=65536", "-Djmh.executor=VIRTUAL"})
public class ClientVirtualThreadsBenchmark extends ClientBenchmark {
}
