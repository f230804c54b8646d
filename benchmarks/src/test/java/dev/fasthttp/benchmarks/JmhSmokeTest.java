package dev.fasthttp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a handful of the benchmarks through JMH, in this JVM, with one short warm-up and one short
 * measurement iteration: they must run and produce a score. No assertion on speed.
 */
class JmhSmokeTest {

    private static final String[] BENCHMARKS = {
        "ServerBenchmark.serverGet1ReqPerConn$",
        "ServerBenchmark.serverGet10KReqPerConn$",
        "ServerBenchmark.serverPost10KReqPerConn$",
        "ServerBenchmark.serverGet100ReqPerConn10KClients$",
        "NettyServerBenchmark.nettyServerGet10KReqPerConn$",
        "NettyServerBenchmark.nettyServerPost1ReqPerConn$",
        "RequestHeadBenchmark.scanAndParseGet$",
        "ResponseEncoderBenchmark.encodeHeadKeepAlive$",
        "RouterBenchmark.serveConnection$",
        "ClientBenchmark.fasthttpClientGetEndToEnd10TCP$",
        "ClientBenchmark.fasthttpClientGetEndToEnd100Inmemory$",
        "ClientBenchmark.fasthttpClientDoFastServer$",
        "ClientBenchmark.fasthttpPipelineClient10$",
        "JdkClientBenchmark.jdkClientGetEndToEnd10TCP$",
        "ApacheClientBenchmark.apacheClientGetEndToEnd10TCP$",
        "upload.UploadBenchmark.upload$",
    };
    /** UploadBenchmark runs once per server and client (3 x 3), with the smallest body. */
    private static final int UPLOAD_RUNS = 9;

    @Test
    void benchmarksRunAndProduceAScore() throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        for (String benchmark : BENCHMARKS) {
            builder.include(benchmark);
        }
        Options options = builder
                .param("path", "param") // RouterBenchmark: the request with four path parameters
                .param("sizeMiB", "1") // UploadBenchmark: 1 MiB uploads
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).hasSize(BENCHMARKS.length - 1 + UPLOAD_RUNS);
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            assertThat(score).as(result.getParams().getBenchmark()).isPositive().isFinite();
        }
    }
}
