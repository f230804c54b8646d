package dev.fasthttp.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoComparisonTest {

    @Test
    void readsGoBenchmarkLines() {
        Map<String, GoComparison.Figures> go = new LinkedHashMap<>();
        GoComparison.readGo("""
                goos: linux
                BenchmarkServerGet1ReqPerConn     \t  500000\t      2679 ns/op\t       0 B/op\t       0 allocs/op
                BenchmarkServerGet1ReqPerConn10KClients-2 \t 300000\t 3204 ns/op\t 8 B/op\t 0 allocs/op
                PASS
                """, go);
        assertThat(go.get("ServerGet1ReqPerConn").nanos()).containsExactly(2679.0);
        assertThat(go.get("ServerGet1ReqPerConn10KClients").bytes()).containsExactly(8.0);
    }

    @Test
    void readsJmhCsvAndBuildsTheTable() {
        Map<String, GoComparison.Figures> java = new LinkedHashMap<>();
        Map<String, GoComparison.Figures> netty = new LinkedHashMap<>();
        GoComparison.readJmh(List.of(
                "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"",
                "\"dev.fasthttp.benchmarks.ServerBenchmark.serverGet1ReqPerConn\",\"avgt\",1,5,822.100000,12.3,\"ns/op\"",
                "\"dev.fasthttp.benchmarks.ServerBenchmark.serverGet1ReqPerConn:gc.alloc.rate\",\"avgt\",1,5,0.005,0.001,\"MB/sec\"",
                "\"dev.fasthttp.benchmarks.ServerBenchmark.serverGet1ReqPerConn:gc.alloc.rate.norm\",\"avgt\",1,5,0.005,0.001,\"B/op\"",
                "\"dev.fasthttp.benchmarks.NettyServerBenchmark.nettyServerGet1ReqPerConn\",\"avgt\",1,5,4075.0,100.0,\"ns/op\"",
                "\"dev.fasthttp.benchmarks.NettyServerBenchmark.nettyServerGet1ReqPerConn:gc.alloc.rate.norm\",\"avgt\",1,5,4600.0,1.0,\"B/op\""),
                java, netty);
        Map<String, GoComparison.Figures> go = new LinkedHashMap<>();
        GoComparison.readGo("BenchmarkServerGet1ReqPerConn 500000 2679 ns/op 0 B/op 0 allocs/op\n", go);
        String table = GoComparison.table(go, java, netty, 1);
        assertThat(table).contains("| ServerGet1ReqPerConn | 822 | 2,679 | 0.31 | 0.005 | 0 (0) | 4,075 | 4,600 |");
    }

    @Test
    void medianOfOddAndEven() {
        assertThat(GoComparison.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(GoComparison.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
