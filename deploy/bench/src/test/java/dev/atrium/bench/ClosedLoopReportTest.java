package dev.atrium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedLoopReportTest {

    private static ClosedLoopResult point(String target, int connections, double rps, double p50, double p99) {
        return new ClosedLoopResult(target, Probe.NON_STREAMING, connections, 10, (int) (rps * 10), 0, rps,
                new Percentiles(p50, (p50 + p99) / 2, p99, p99), null, null);
    }

    @Test
    void atriumMeetsTheTargetWhenItsAddedLatencyAndThroughputAreAtLeastPortkeys() {
        List<String> verdicts = Report.verdicts(List.of(
                point("direct", 1, 500, 2, 4), point("portkey", 1, 200, 5, 10), point("atrium", 1, 250, 4, 9),
                point("direct", 16, 1500, 10, 20), point("portkey", 16, 800, 20, 40),
                point("atrium", 16, 900, 18, 35)));

        assertThat(verdicts).containsExactly(
                "non-streaming, 1 connection: **met**. Added p50 / p99: Atrium 2.00 / 5.00 ms, Portkey 3.00 / 6.00 ms "
                        + "(Atrium/Portkey 0.67 / 0.83); req/s Atrium 250, Portkey 200 (1.25), "
                        + "throughput judged at 16 connections.",
                "non-streaming, 16 connections: **met**. Added p50 / p99: Atrium 8.00 / 15 ms, Portkey 10 / 20 ms "
                        + "(Atrium/Portkey 0.80 / 0.75); req/s Atrium 900, Portkey 800 (1.13).");
    }

    @Test
    void sayingWhichPartWasMissedAndThatThroughputCountsOnlyAtTheMostConnections() {
        List<String> verdicts = Report.verdicts(List.of(
                point("direct", 1, 500, 2, 4), point("portkey", 1, 300, 5, 10), point("atrium", 1, 60, 16, 35),
                point("direct", 16, 1500, 10, 20), point("portkey", 16, 800, 20, 40),
                point("atrium", 16, 85, 171, 559)));

        assertThat(verdicts.get(0)).startsWith("non-streaming, 1 connection: **not met (added p50 above Portkey's, "
                + "added p99 above Portkey's)**.");
        assertThat(verdicts.get(1)).startsWith("non-streaming, 16 connections: **not met (added p50 above Portkey's, "
                + "added p99 above Portkey's, req/s below Portkey's)**.").contains("req/s Atrium 85, Portkey 800 (0.11)");
    }

    @Test
    void withoutAtriumNothingIsJudged() {
        assertThat(Report.verdicts(List.of(point("direct", 1, 500, 2, 4), point("portkey", 1, 300, 5, 10))))
                .containsExactly("non-streaming, 1 connection: not compared (Atrium was not run).");
    }

    @Test
    void theClosedLoopTableShowsAddedLatencyOverDirectAtTheSameConnections() {
        Report report = new Report(Machine.describe(), "test");
        report.addClosed(point("direct", 16, 1500, 10, 20));
        report.addClosed(point("portkey", 16, 800, 20, 40));

        assertThat(report.render("plot.png", null)).contains("### Closed loop (connections)")
                .contains("| direct | non-streaming | 16 | 1500 | 10 | 15 | 20 | - | - | 0 |")
                .contains("| portkey | non-streaming | 16 | 800 | 20 | 30 | 40 | 10 / 15 / 20 | - | 0 |");
    }
}
