package dev.fasthttp.benchmarks.upload;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One op is one upload of {@code sizeMiB} MiB over loopback to a server that streams the body
 * (reads it as it arrives and counts it, holding none of it) and answers the count, which the
 * client checks: see {@link UploadServer} and {@link UploadClient}. One connection, kept alive
 * from upload to upload; server and client in this process.
 *
 * <ul>
 * <li>{@code server}: {@code fasthttp}, a route declared {@code streaming()} whose handler reads
 *     the body from its {@code InputStream} into an array ({@link FasthttpUploadServer});
 *     {@code netty}, {@code HttpServerCodec} with each piece of content copied into an array as it
 *     comes, the same work; {@code netty-count-only}, the same with the pieces only counted, their
 *     bytes never read ({@link NettyUploadServer}).</li>
 * <li>{@code client}: {@code raw}, a blocking socket that allocates nothing per upload
 *     ({@link RawUploadClient}), so that {@code -prof gc}'s {@code gc.alloc.rate.norm} is the
 *     server's bytes per upload; {@code jdk}, the JDK's {@code HttpClient} with an
 *     {@code InputStream} body of known length ({@link JdkUploadClient}); {@code fasthttp}, this
 *     project's {@code HostClient} with the same body ({@link FasthttpUploadClient}).</li>
 * </ul>
 *
 * <p>Bytes per upload that stay the same from 1 to 1,024 MiB mean a cost per request, not per
 * chunk of body. MB/s is {@code sizeMiB} over the time per op.
 *
 * <pre>taskset -c 0 java -jar benchmarks/target/benchmarks.jar 'upload.UploadBenchmark' -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:AutoBoxCacheMax=65536", "--enable-native-access=ALL-UNNAMED"})
@Threads(1)
@State(Scope.Benchmark)
public class UploadBenchmark {

    @Param({"fasthttp", "netty", "netty-count-only"})
    public String server;

    @Param({"raw", "jdk", "fasthttp"})
    public String client;

    @Param({"1", "64", "1024"})
    public int sizeMiB;

    private UploadServer uploadServer;
    private UploadClient uploadClient;
    private long size;

    @Setup
    public void start() throws IOException {
        size = (long) sizeMiB << 20;
        uploadServer = UploadServer.start(server);
        uploadClient = UploadClient.open(client, uploadServer.port());
    }

    @TearDown
    public void stop() throws IOException {
        uploadClient.close();
        uploadServer.close();
    }

    @Benchmark
    public long upload() throws IOException, InterruptedException {
        return uploadClient.upload(size);
    }
}
