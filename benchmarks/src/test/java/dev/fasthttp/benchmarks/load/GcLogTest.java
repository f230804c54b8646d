package dev.fasthttp.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    private static final long M = 1 << 20;

    @Test
    void parsesPausesOfSerialAndG1Logs() {
        String log = """
                [1.234s][info][gc] GC(0) Pause Young (Allocation Failure) 273M->3M(981M) 4.321ms
                [2.000s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 51M->4M(1024M) 2.1ms
                [2.500s][info][gc] Using Serial
                [3.000s][info][gc] GC(2) Pause Full (System.gc()) 10240K->2048K(1G) 20.0ms
                """;
        assertThat(GcLog.collections(log)).containsExactly(
                new GcLog.Collection(273 * M, 3 * M),
                new GcLog.Collection(51 * M, 4 * M),
                new GcLog.Collection(10240L << 10, 2048L << 10));
    }

    @Test
    void allocationIsHeapGrowthBetweenCollections() {
        // start at 10M, grow to 100M, collect to 5M, grow to 60M, collect to 6M, end at 20M
        List<GcLog.Collection> gcs = List.of(new GcLog.Collection(100 * M, 5 * M), new GcLog.Collection(60 * M, 6 * M));
        assertThat(GcLog.allocatedBytes(10 * M, gcs, 20 * M)).isEqualTo((90 + 55 + 14) * M);
    }

    @Test
    void withoutCollectionsItIsTheGrowthOfTheUsedHeap() {
        assertThat(GcLog.allocatedBytes(10 * M, List.of(), 12 * M)).isEqualTo(2 * M);
        assertThat(GcLog.allocatedBytes(10 * M, List.of(), 10 * M)).isZero();
    }
}
