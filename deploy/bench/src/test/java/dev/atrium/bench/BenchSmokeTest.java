package dev.atrium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.simulator.ProviderSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void theManyKeysLoopSendsWithEveryKeyAndReportsCpuPerRequest() throws Exception {
        URI chat = URI.create("http://127.0.0.1:" + simulator.port() + "/p/openai/v1/chat/completions");
        List<String> keys = Fleet.synthetic(6);
        Report report = new Report(Machine.describe(), "BenchSmokeTest");
        Rss.Tracker memory = new Rss.Tracker();
        memory.watch("load generator (this JVM)", ProcessHandle.current().pid());
        List<List<Probe>> groups = List.of(
                Fleet.probes(Report.BASELINE, chat, Map.of(), "gpt-4o-mini", false, keys),
                Fleet.probes(Report.BASELINE, chat, Map.of(), "gpt-4o-mini", true, keys));
        assertThat(groups.get(0)).extracting(p -> p.headers().get("Authorization")).containsExactly(
                "Bearer sk-fleet-1", "Bearer sk-fleet-2", "Bearer sk-fleet-3", "Bearer sk-fleet-4", "Bearer sk-fleet-5",
                "Bearer sk-fleet-6");
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(5))) {
            Bench.fleet(load, groups, List.of(RATE), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ZERO,
                    "6 keys in 2 workspaces", report, memory);
        }
        assertThat(report.fleet()).hasSize(2).allSatisfy(r -> {
            assertThat(r.firstError()).isNull();
            assertThat(r.sent()).isEqualTo(50);
            assertThat(r.ok()).isEqualTo(r.sent());
        });
        Path out = Path.of("target/bench-smoke-fleet");
        report.write(out.resolve("benchmarks.md"), out.resolve("benchmarks/latency-vs-rate.png"), "# Smoke\n\n");

        String markdown = Files.readString(out.resolve("benchmarks.md"));
        assertThat(markdown).contains("### Open loop, 6 keys in 2 workspaces")
                .contains("### CPU per request").contains("| 6 keys in 2 workspaces | direct | streaming | 50 |");
        assertThat(Files.size(out.resolve("benchmarks/latency-vs-rate-many-keys.png"))).isPositive();
    }

    @Test
    void cpuTimeIsReadFromProcStat() {
        // a command name with a space and a parenthesis, as /proc shows it; utime 250 + stime 50 ticks = 3 s
        String stat = "4242 (my (odd) java) S 1 4242 4242 0 -1 4194560 5000 0 0 0 250 50 0 0 20 0 30 0 100 0 0";
        assertThat(Cpu.parse(stat)).isEqualTo(3.0);
        assertThat(Cpu.seconds(ProcessHandle.current().pid())).isPositive();
        assertThat(Cpu.perRequest(Map.of("x", 1.0), Map.of("x", 1.5), 100)).containsEntry("x", 5.0);
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
