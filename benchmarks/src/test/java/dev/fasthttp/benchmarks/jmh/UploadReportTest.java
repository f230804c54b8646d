package dev.fasthttp.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadReportTest {

    private static final String HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\","
            + "\"Param: client\",\"Param: server\",\"Param: sizeMiB\"";

    private static String row(String benchmark, double score, String unit, String client, String server, int size) {
        return "\"dev.fasthttp.benchmarks.upload.UploadBenchmark." + benchmark + "\",\"avgt\",1,5," + score + ",1.0,\"" + unit
                + "\"," + client + "," + server + "," + size;
    }

    @Test
    void readsTheParametersAndWritesMegabytesPerSecondAndBytesPerUpload() {
        Map<String, UploadReport.Cell> cells = new LinkedHashMap<>();
        UploadReport.readJmh(List.of(HEADER,
                row("upload", 1073.741824, "ms/op", "raw", "fasthttp", 1024),
                row("upload:gc.alloc.rate", 5.0, "MB/sec", "raw", "fasthttp", 1024),
                row("upload:gc.alloc.rate.norm", 70000.0, "B/op", "raw", "fasthttp", 1024),
                row("upload", 2147.483648, "ms/op", "raw", "netty", 1024),
                row("upload:gc.alloc.rate.norm", 16000000.0, "B/op", "raw", "netty", 1024),
                row("upload", 1.048576, "ms/op", "raw", "fasthttp", 1),
                row("upload:gc.alloc.rate.norm", 68000.0, "B/op", "raw", "fasthttp", 1)), cells);
        UploadReport.readJmh(List.of(HEADER,
                row("upload", 1073.741824, "ms/op", "raw", "fasthttp", 1024),
                row("upload", 3221.225472, "ms/op", "raw", "netty", 1024)), cells);

        String table = UploadReport.table(cells, 2, List.of("JVM: test"));

        assertThat(table).contains("| raw socket, allocates nothing | 1,000 | 400 | – | 2.50x | 2.00–3.00 |");
        assertThat(table).contains("| JDK `HttpClient`, `InputStream` body of known length | – | – | – | – | – |");
        assertThat(table).contains("| fasthttp for Java, `Route.streaming()`, read into an array | raw socket, allocates nothing | 68,000 | 1,000 | 70,000 | 1,000 |");
        assertThat(table).contains("| Netty 4.2, `HttpServerCodec`, each piece copied into an array | raw socket, allocates nothing | – | – | 16,000,000 | 400 |");
        assertThat(table).contains("- JVM: test").startsWith(UploadReport.BEGIN).endsWith(UploadReport.END + "\n");
    }
}
