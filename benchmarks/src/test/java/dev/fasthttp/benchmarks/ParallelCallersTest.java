package dev.fasthttp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParallelCallersTest {

    /** Every caller's calls are checked as in the JMH benchmark: a wrong answer would end the run with it. */
    @Test
    void measuresEachSecondOfManyVirtualCallers() throws Exception {
        double[] nanosPerRequest = ParallelCallers.run(50, 0, 2);

        assertThat(nanosPerRequest).hasSize(2);
        for (double ns : nanosPerRequest) {
            assertThat(ns).as("a second with requests in it").isPositive().isLessThan(1e9);
        }
    }
}
