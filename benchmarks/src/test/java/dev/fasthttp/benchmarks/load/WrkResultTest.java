package dev.fasthttp.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkResultTest {

    @Test
    void readsThroughputLatencyRequestsAndErrors() {
        String out = """
                Running 15s test @ http://127.0.0.1:18095/plaintext
                  1 threads and 50 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency   257.40us  415.06us  14.92ms   98.28%
                    Req/Sec   126.60k    24.19k  152.96k    70.86%
                  Latency Distribution
                     50%  183.00us
                     75%  247.00us
                     90%  346.00us
                     99%    1.22ms
                  1901993 requests in 15.10s, 241.25MB read
                  Socket errors: connect 0, read 12, write 3, timeout 1
                  Non-2xx or 3xx responses: 7
                Requests/sec: 125949.88
                Transfer/sec:     15.98MB
                """;
        WrkResult r = WrkResult.parse(out);
        assertThat(r.requestsPerSecond()).isEqualTo(125949.88);
        assertThat(r.p50Micros()).isEqualTo(183.0);
        assertThat(r.p99Micros()).isCloseTo(1220.0, within(1e-9));
        assertThat(r.requests()).isEqualTo(1901993);
        assertThat(r.errors()).isEqualTo(12 + 3 + 1 + 7);
    }

    @Test
    void aZeroPercentileIsNotALatencyOfZero() {
        String out = """
                  Latency Distribution
                     50%    1.07ms
                     99%    0.00us
                  1943552 requests in 3.00s, 246.52MB read
                Requests/sec: 647052.64
                """;
        assertThat(WrkResult.parse(out).p99Micros()).isNaN();
        assertThat(WrkResult.parse(out).p50Micros()).isEqualTo(1070.0);
    }

    @Test
    void secondsAndNoErrors() {
        String out = """
                  Latency Distribution
                     50%    1.50s
                     99%    2.00s
                  100 requests in 8.00s, 1.00KB read
                Requests/sec:     12.50
                """;
        WrkResult r = WrkResult.parse(out);
        assertThat(r.p50Micros()).isEqualTo(1_500_000.0);
        assertThat(r.p99Micros()).isEqualTo(2_000_000.0);
        assertThat(r.errors()).isZero();
    }
}
