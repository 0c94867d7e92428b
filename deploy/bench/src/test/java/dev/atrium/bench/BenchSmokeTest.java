package dev.atrium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.simulator.ProviderSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bench in smoke mode, so it cannot rot: the open-loop generator against an in-process
 * simulator for about a second per mode. Portkey and the full stack need npm and minutes; the real
 * run is {@code Bench}. Numbers are not asserted, only that every request succeeded and the report
 * was written.
 */
class BenchSmokeTest {

    private static final double RATE = 50;
    private static ProviderSimulator simulator;

    @BeforeAll
    static void startUpstream() throws Exception {
        simulator = ProviderSimulator.start("127.0.0.1", 0);
        Bench.setZeroLatency("http://127.0.0.1:" + simulator.port());
        System.out.println("smoke mode: Portkey and the full stack skipped (they need npm and minutes; run Bench)");
    }

    @AfterAll
    static void stopUpstream() {
        simulator.close();
    }

    @Test
    void everyRequestOfBothModesSucceedsAndTheReportIsWritten() throws Exception {
        URI chat = URI.create("http://127.0.0.1:" + simulator.port() + "/p/openai/v1/chat/completions");
        Map<String, String> auth = Map.of("Authorization", "Bearer sk-stub");
        Report report = new Report(Machine.describe(), "BenchSmokeTest");
        report.note("smoke mode: Portkey and the full stack skipped");
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(5))) {
            for (boolean streaming : new boolean[] {false, true}) {
                Probe probe = Probe.chat(Report.BASELINE, chat, auth, "gpt-4o-mini", streaming);
                RunResult result = load.run(probe, RATE, Duration.ofSeconds(1));
                System.out.println(Bench.line(result));
                assertThat(result.firstError()).isNull();
                assertThat(result.sent()).isEqualTo(50);
                assertThat(result.ok()).isEqualTo(result.sent());
                assertThat(result.errors()).isZero();
                report.add(result);
            }
        }
        Path out = Path.of("target/bench-smoke");
        report.write(out.resolve("benchmarks.md"), out.resolve("benchmarks/latency-vs-rate.png"), "# Smoke\n\n");

        String markdown = Files.readString(out.resolve("benchmarks.md"));
        assertThat(markdown).contains("| direct | non-streaming | 50 |").contains("| direct | streaming | 50 |");
        assertThat(Files.size(out.resolve("benchmarks/latency-vs-rate.png"))).isPositive();
    }

    @Test
    void theClosedLoopKeepsEveryConnectionBusyAndCountsOnlyAnswers() throws Exception {
        URI chat = URI.create("http://127.0.0.1:" + simulator.port() + "/p/openai/v1/chat/completions");
        Map<String, String> auth = Map.of("Authorization", "Bearer sk-stub");
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(5))) {
            ClosedLoop closed = new ClosedLoop(load);
            for (boolean streaming : new boolean[] {false, true}) {
                ClosedLoopResult timed = closed.run(Probe.chat(Report.BASELINE, chat, auth, "gpt-4o-mini", streaming),
                        4, Duration.ofMillis(500));
                System.out.println(Bench.line(timed));
                assertThat(timed.firstError()).isNull();
                assertThat(timed.errors()).isZero();
                assertThat(timed.connections()).isEqualTo(4);
                assertThat(timed.ok()).isPositive();
                assertThat(timed.requestsPerSecond()).isPositive();
                assertThat(timed.ttfb() != null).isEqualTo(streaming);
            }
            ClosedLoopResult counted = closed.run(Probe.chat(Report.BASELINE, chat, auth, "gpt-4o-mini", false), 3, 30);
            assertThat(counted.ok()).isEqualTo(30);

            ClosedLoopResult refused = closed.run(Probe.chat("direct", URI.create("http://127.0.0.1:" + simulator.port()
                    + "/no-such-route"), auth, "gpt-4o-mini", false), 2, 10);
            assertThat(refused.ok()).isZero();
            assertThat(refused.errors()).isEqualTo(10);
            assertThat(refused.firstError()).startsWith("HTTP 4");
        }
    }

    @Test
    void aServerErrorCountsAsAnErrorNotALatency() throws Exception {
        URI missing = URI.create("http://127.0.0.1:" + simulator.port() + "/no-such-route");
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(5))) {
            RunResult result = load.run(Probe.chat("direct", missing, Map.of(), "gpt-4o-mini", false), 20,
                    Duration.ofMillis(250));

            assertThat(result.ok()).isZero();
            assertThat(result.errors()).isEqualTo(result.sent());
            assertThat(result.firstError()).startsWith("HTTP 4");
        }
    }
}
