package dev.fasthttp.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientComparisonTest {

    @Test
    void throughputBecomesTimePerRequestAndPeersShareTheRow() {
        Map<String, GoComparison.Figures> jmh = GoComparison.readJmhByBenchmark(List.of(
                "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"",
                "\"dev.fasthttp.benchmarks.ClientBenchmark.fasthttpClientGetEndToEnd10TCP\",\"thrpt\",10,5,50000.0,100.0,\"ops/s\"",
                "\"dev.fasthttp.benchmarks.ClientBenchmark.fasthttpClientGetEndToEnd10TCP:gc.alloc.rate.norm\",\"thrpt\",10,5,0.004,0.001,\"B/op\"",
                "\"dev.fasthttp.benchmarks.ClientVirtualThreadsBenchmark.fasthttpClientGetEndToEnd10TCP\",\"thrpt\",10,5,40000.0,100.0,\"ops/s\"",
                "\"dev.fasthttp.benchmarks.ClientVirtualThreadsBenchmark.fasthttpClientGetEndToEnd10TCP:gc.alloc.rate.norm\",\"thrpt\",10,5,600.0,1.0,\"B/op\"",
                "\"dev.fasthttp.benchmarks.JdkClientBenchmark.jdkClientGetEndToEnd10TCP\",\"thrpt\",10,5,10000.0,100.0,\"ops/s\"",
                "\"dev.fasthttp.benchmarks.JdkClientBenchmark.jdkClientGetEndToEnd10TCP:gc.alloc.rate.norm\",\"thrpt\",10,5,9000.0,1.0,\"B/op\""));
        Map<String, GoComparison.Figures> go = new LinkedHashMap<>();
        GoComparison.readGo("""
                BenchmarkClientGetEndToEnd10TCP \t 50000 \t 22600 ns/op \t 1 B/op \t 0 allocs/op
                BenchmarkNetHTTPClientGetEndToEnd10TCP \t 20000 \t 62000 ns/op \t 5700 B/op \t 70 allocs/op
                """, go);

        String table = ClientComparison.table(jmh, go, Map.of(), 1);

        assertThat(table).contains("| ClientGetEndToEnd10TCP | 20.00 µs | 0.004 | 25.00 µs | 600 | 22.60 µs | 1 (0) | 0.88 | 1.11 "
                + "| 100.00 µs | 9,000 | – | – | 62.00 µs | 5,700 (70) |");
        assertThat(table).doesNotContain("| JdkClient").doesNotContain("| ClientDoFastServer").doesNotContain("wall clock");
    }

    @Test
    void wallClockFiguresGetTheirOwnTableNextToGoAndJmh() {
        Map<String, GoComparison.Figures> jmh = GoComparison.readJmhByBenchmark(List.of(
                "\"dev.fasthttp.benchmarks.ClientBenchmark.fasthttpClientGetEndToEnd1000Inmemory\",\"thrpt\",1000,5,40000.0,100.0,\"ops/s\"",
                "\"dev.fasthttp.benchmarks.ClientVirtualThreadsBenchmark.fasthttpClientGetEndToEnd1000Inmemory\",\"thrpt\",1000,5,200000.0,100.0,\"ops/s\""));
        Map<String, GoComparison.Figures> go = new LinkedHashMap<>();
        GoComparison.readGo("BenchmarkClientGetEndToEnd1000Inmemory \t 200000 \t 5000 ns/op \t 14 B/op \t 0 allocs/op\n", go);
        Map<String, GoComparison.Figures> wallClock = new LinkedHashMap<>();
        ClientComparison.readWallClock("ClientGetEndToEnd1000Inmemory 2400 ns/op (median of 5 seconds; fastest 2393, slowest 2515)\n", wallClock);
        ClientComparison.readWallClock("ClientGetEndToEnd1000Inmemory 2600 ns/op (median of 5 seconds; fastest 2590, slowest 2700)\n", wallClock);

        String table = ClientComparison.table(jmh, go, wallClock, 2);

        assertThat(table).contains("| ClientGetEndToEnd1000Inmemory | 2.50 µs | 5.00 µs | 0.50 | 5.00 µs |");
    }
}
