package dev.fasthttp.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Measurement m(String server, int round, double rps) {
        return new Measurement(server, "keepalive-50", round, rps, 100, 900, 0, (long) rps * 8, 50_000, 9.5, 1.5, 0.0,
                Double.NaN, Double.NaN);
    }

    private final Report report = new Report(
            List.of(m("fasthttp-java", 1, 120_000), m("fasthttp-java", 2, 100_000), m("fasthttp-java", 3, 110_000),
                    m("go-fasthttp", 1, 70_000), m("go-fasthttp", 2, 80_000)),
            ServerSpec.catalogue(Path.of("/repo"), "java"),
            Map.of("CPU", "test"), Map.of("rounds", "3", "measured seconds per scenario", "8"));

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(report.median("fasthttp-java", Scenario.KEEPALIVE_50, Measurement::requestsPerSecond)).isEqualTo(110_000);
        assertThat(report.median("go-fasthttp", Scenario.KEEPALIVE_50, Measurement::requestsPerSecond)).isEqualTo(75_000);
        assertThat(report.median("netty", Scenario.KEEPALIVE_50, Measurement::requestsPerSecond)).isNaN();
    }

    @Test
    void markdownHasRatiosToGoFasthttpAndOnlyMeasuredServers() {
        String md = report.markdown("chart.svg");
        assertThat(md).startsWith(Report.BEGIN).contains(Report.END)
                .contains("| fasthttp for Java (samples/hello-core) | 110,000 | 1.47x |")
                .contains("| Go fasthttp 1.31 (GOMAXPROCS=1) | 75,000 | 1.00x |")
                .doesNotContain("Netty");
    }

    @Test
    void chartIsAnSvgWithABarPerServer() {
        String svg = report.requestsChart();
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(svg.split("<rect ").length - 2).isEqualTo(2); // background + one bar per server
    }
}
