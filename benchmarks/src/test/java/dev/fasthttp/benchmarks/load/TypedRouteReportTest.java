package dev.fasthttp.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypedRouteReportTest {

    private static Measurement m(String contender, Scenario scenario, int round, double rps, double cpu) {
        return new Measurement(contender, scenario.id, round, rps, 100, 900, 0, (long) rps * 8, 50_000, cpu, cpu / 4, 0.0,
                Double.NaN, Double.NaN);
    }

    private static List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            all.add(m(TypedRoute.TYPED, Scenario.KEEPALIVE_50, round, 100_000, 10 + round));      // median 12
            all.add(m(TypedRoute.RAW, Scenario.KEEPALIVE_50, round, 110_000, 9 + round));         // median 11
            all.add(m("spring-mvc", Scenario.KEEPALIVE_50, round, 7_000, 150));
            all.add(m(TypedRoute.WEBFLUX, Scenario.KEEPALIVE_50, round, 10_000, 100));
            all.add(m(TypedRoute.FLOOR, Scenario.KEEPALIVE_50, round, 120_000, 8));
            all.add(m(TypedRoute.TYPED, Scenario.PIPELINED_16, round, 500_000, 2));
            all.add(m(TypedRoute.RAW, Scenario.PIPELINED_16, round, 900_000, 1));
            all.add(m(TypedRoute.WEBFLUX, Scenario.PIPELINED_16, round, 20_000, 50));
        }
        return all;
    }

    private static ProbedResponse response() throws IOException {
        return ProbedResponse.read(new ByteArrayInputStream(("HTTP/1.1 200 OK\r\nServer: fasthttp\r\nContent-Type: application/json\r\n"
                + "Content-Length: 26\r\n\r\n" + TypedRoute.EXPECTED_BODY).getBytes(StandardCharsets.UTF_8)));
    }

    private TypedRouteReport report() throws IOException {
        return new TypedRouteReport(measurements(), TypedRoute.servers(Path.of(""), "java"), Map.of(TypedRoute.TYPED, response()),
                Map.of("CPU", "test"), Map.of("rounds", "3", "measured seconds per scenario", "8"));
    }

    @Test
    void ratiosOfMediansToTheRawRouteAndToWebFlux() throws IOException {
        TypedRouteReport report = report();

        assertThat(report.cpuRatio(TypedRoute.TYPED, TypedRoute.RAW, Scenario.KEEPALIVE_50)).isEqualTo(12.0 / 11);
        assertThat(report.cpuRatio(TypedRoute.TYPED, TypedRoute.WEBFLUX, Scenario.KEEPALIVE_50)).isEqualTo(0.12);
        assertThat(report.cpuRatio("spring-mvc", TypedRoute.WEBFLUX, Scenario.PIPELINED_16)).isNaN();
    }

    @Test
    void theTypedRouteAgainstWebFluxAboveWhatTheFloorSpends() throws IOException {
        TypedRouteReport report = report();

        assertThat(report.ratioAboveFloor(TypedRoute.TYPED, TypedRoute.WEBFLUX, Scenario.KEEPALIVE_50)).isEqualTo((12.0 - 8) / (100 - 8));
        assertThat(report.ratioAboveFloor(TypedRoute.TYPED, TypedRoute.WEBFLUX, Scenario.PIPELINED_16)).as("no floor measured").isNaN();
    }

    @Test
    void markdownHasATablePerScenarioTheGoalsAndTheResponses() throws IOException {
        String md = report().markdown();

        assertThat(md).startsWith(TypedRouteReport.BEGIN).endsWith(TypedRouteReport.END + "\n")
                .contains("### 50 keep-alive connections", "### 50 connections, 16 requests pipelined per write")
                .contains("| `/typed/users/42` | 100,000 | 100 µs | 900 µs | 0 | 12.00 µs | 3.00 µs | 0 B | 1.09x | 0.12x |")
                .contains("| `/raw/users/42` | 110,000 | 100 µs | 900 µs | 0 | 11.00 µs | 2.75 µs | 0 B | 1.00x | 0.11x |")
                .contains("| 50 keep-alive connections | 1.09x | 1.08–1.10 | yes | 0.12x | 0.11–0.13 | yes | 0.08x | 0.04x |")
                .contains("| 50 connections, 16 requests pipelined per write | 2.00x | 2.00–2.00 | no | 0.04x | 0.04–0.04 | yes | – | – |")
                .contains("| floor: a JDK NIO loop sending the answer's bytes for every request")
                .contains("| 200 | `application/json` | Server, Content-Type, Content-Length | `{\"id\":42,\"name\":\"user 42\"}` | 115 |")
                .contains("http://127.0.0.1:PORT/PATH")
                .contains("`GET /raw/users/42`: `java -XX:ActiveProcessorCount=1 -Xms1g -Xmx1g -XX:AutoBoxCacheMax=65536 "
                        + "-jar samples/hello-spring/target/hello-spring.jar --fasthttp.server.observations.enabled=false`")
                .doesNotContain("with the sample's observations on")
                .doesNotContain("idle");
    }

    @Test
    void replacesOnlyItsOwnSection(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Benchmarks\n\nbefore\n\n" + TypedRouteReport.BEGIN + "\nold\n" + TypedRouteReport.END
                + "\n\nafter\n" + Report.BEGIN + "\nload\n" + Report.END + "\n");

        report().writeInto(file);

        String text = Files.readString(file);
        assertThat(text).startsWith("# Benchmarks\n\nbefore\n\n" + TypedRouteReport.BEGIN)
                .doesNotContain("\nold\n")
                .contains(TypedRouteReport.END + "\n\nafter\n" + Report.BEGIN + "\nload\n" + Report.END + "\n");
    }
}
