package dev.atrium.bench;

import dev.atrium.local.FreePorts;
import dev.atrium.local.Ports;
import dev.atrium.local.Seeder;
import dev.atrium.local.Stack;
import dev.atrium.local.simulator.ProviderSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one command of issue 9: starts (or finds) the stack, a zero-latency upstream and Portkey, drives
 * direct, Portkey and Atrium with the same open-loop load at each rate, then with the same closed loop
 * at each connection count, and writes {@code docs/benchmarks.md} with a plot.
 */
public final class Bench {

    private static final String UPSTREAM_PROVIDER = "openai";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(Options o) throws Exception {
        Report report = new Report(Machine.describe(), "./mvnw -B -q -pl deploy/bench compile exec:exec"
                + " -Dbench.args=\"" + String.join(" ", describe(o)) + "\"");
        Rss.Tracker memory = new Rss.Tracker();
        memory.watch("load generator (this JVM)", ProcessHandle.current().pid());
        Stack stack = null;
        ProviderSimulator inProcess = null;
        Optional<Portkey> portkey = Optional.empty();
        List<Probe> probes = new ArrayList<>();
        List<List<Probe>> fleet = new ArrayList<>();
        List<String> fleetKeys = List.of();
        try {
            String upstream;
            Seeder.Demo demo = null;
            if (o.stack().equals("none")) {
                inProcess = ProviderSimulator.start("127.0.0.1", 0);
                upstream = "http://127.0.0.1:" + inProcess.port();
                report.note("Atrium skipped: --stack none; the upstream is a simulator inside the load generator's "
                        + "JVM, so direct numbers include its CPU.");
            } else {
                stack = new Stack(o.root(), o.home(), o.stack().equals("running") ? Ports.defaults() : Ports.free(),
                        Stack.ExternalDatabase.fromEnvironment(), m -> System.out.println("  " + m));
                if (o.stack().equals("start")) {
                    System.out.println("starting the stack under " + o.home());
                    stack.start();
                }
                demo = Seeder.seedOnce(stack);
                Ports p = stack.ports();
                upstream = p.url(p.simulator());
                if (!o.fleetRates().isEmpty()) {
                    fleetKeys = Fleet.seedOnce(stack, demo, o.fleetWorkspaces(), o.fleetKeys());
                }
                if (o.stack().equals("start")) {
                    warmStart(stack, demo, report);
                }
                Rss.stackPids(o.home()).forEach(memory::watch);
                Rss.embeddedPostgres(o.home())
                        .ifPresent(pid -> memory.watchProportional("postgres (all backends, PSS)", pid));
            }
            setZeroLatency(upstream);
            String upstreamBase = upstream + "/p/" + UPSTREAM_PROVIDER + "/v1";
            if (o.portkey()) {
                portkey = Portkey.start(o.root().resolve("deploy/bench/target/portkey"), FreePorts.next(),
                        m -> {
                            print(m);
                            if (m.startsWith("Portkey skipped")) {
                                report.note(m);
                            }
                        });
                portkey.ifPresent(pk -> memory.watch("portkey", pk.pid()));
            } else {
                report.note(print("Portkey skipped: --no-portkey"));
            }
            if (!o.fleetRates().isEmpty() && fleetKeys.isEmpty()) {
                fleetKeys = Fleet.synthetic(o.fleetWorkspaces() * o.fleetKeys());
            }
            for (String mode : o.modes()) {
                boolean streaming = mode.equals(Probe.STREAMING);
                if (!o.fleetRates().isEmpty()) {
                    fleet.add(Fleet.probes(Report.BASELINE, URI.create(upstreamBase + "/chat/completions"), Map.of(),
                            "gpt-4o-mini", streaming, fleetKeys));
                    if (portkey.isPresent()) {
                        fleet.add(Fleet.probes("portkey", portkey.get().chatUri(), Portkey.headers(upstreamBase),
                                "gpt-4o-mini", streaming, fleetKeys));
                    }
                    if (demo != null) {
                        Ports p = stack.ports();
                        fleet.add(Fleet.probes("atrium", URI.create(p.url(p.gateway()) + "/api/v1/chat/completions"),
                                Map.of(), Components.MODEL, streaming, fleetKeys));
                    }
                }
                probes.add(Probe.chat(Report.BASELINE, URI.create(upstreamBase + "/chat/completions"),
                        Map.of("Authorization", "Bearer sk-stub"), "gpt-4o-mini", streaming));
                if (portkey.isPresent()) {
                    probes.add(Probe.chat("portkey", portkey.get().chatUri(), Portkey.headers(upstreamBase),
                            "gpt-4o-mini", streaming));
                }
                if (demo != null) {
                    Ports p = stack.ports();
                    probes.add(Probe.chat("atrium", URI.create(p.url(p.gateway()) + "/api/v1/chat/completions"),
                            Map.of("Authorization", "Bearer " + demo.apiKey()), Components.MODEL, streaming));
                }
            }
            Thread.sleep(2000);
            memory.sampleIdle();
            try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(10))) {
                for (Probe probe : probes) {
                    String cold = load.warmUp(probe, 20, Duration.ofSeconds(120));
                    if (cold != null) {
                        report.note(print(probe.target() + " " + probe.mode() + " never answered 20 requests in a row "
                                + "within 120 s before the run; last problem: " + cold));
                    }
                }
                settle(o, load, probes, report);
                drive(o, load, probes, report, memory);
                if (o.closed()) {
                    closedLoop(o, load, probes, report, memory);
                }
                if (!fleet.isEmpty()) {
                    String name = fleetKeys.size() + " keys in " + o.fleetWorkspaces() + " workspaces";
                    fleet(load, fleet, o.fleetRates(), o.warmup(), o.duration(), o.pause(), name, report, memory);
                }
                if (demo != null && o.components()) {
                    components(o, stack, demo, load, report, memory);
                }
            }
            report.memory(memory);
            report.write(o.markdown(), o.png(), preamble());
            System.out.println("wrote " + o.markdown() + " and " + o.png());
            return 0;
        } finally {
            portkey.ifPresent(Portkey::close);
            if (inProcess != null) {
                inProcess.close();
            }
            if (stack != null && o.stack().equals("start")) {
                stack.close();
            }
        }
    }

    /** Every target under load at the lowest rate for {@code --settle}, in turn, before anything is measured. */
    private static void settle(Options o, LoadGenerator load, List<Probe> probes, Report report)
            throws InterruptedException {
        if (o.settle().isZero() || o.rates().isEmpty()) {
            return;
        }
        double rate = o.rates().stream().min(Double::compare).orElseThrow();
        for (Probe probe : probes) {
            load.run(probe, rate, o.settle());
        }
        report.note(print(String.format(Locale.ROOT, "Settled: every target %d s at %.0f req/s before the first "
                + "measured point (not recorded)", o.settle().toSeconds(), rate)));
    }

    /** Mode by mode and rate by rate, every target in turn, so drifting background load hits all alike. */
    private static void drive(Options o, LoadGenerator load, List<Probe> probes, Report report, Rss.Tracker memory)
            throws InterruptedException {
        for (String mode : o.modes()) {
            for (double rate : o.rates()) {
                for (Probe probe : probes.stream().filter(p -> p.mode().equals(mode)).toList()) {
                    if (!o.warmup().isZero()) {
                        load.run(probe, rate, o.warmup());
                    }
                    Map<String, Double> cpuBefore = Cpu.snapshot(memory.pids());
                    RunResult r = load.run(probe, rate, o.duration());
                    report.addCpu("one key", r, Cpu.perRequest(cpuBefore, Cpu.snapshot(memory.pids()), r.ok()));
                    memory.sampleLoaded();
                    // lets a saturated target drain its backlog before the next one is measured
                    Thread.sleep(o.pause().toMillis());
                    report.add(r);
                    System.out.println(line(r));
                }
            }
        }
    }

    /**
     * The many-keys open loop ({@link Fleet}): mode by mode and rate by rate, every target in turn with the same
     * requests and keys, each point after a warm-up in which every key must answer (new keys' first requests
     * fill caches), with each process's CPU per answered request.
     */
    static void fleet(LoadGenerator load, List<List<Probe>> groups, List<Double> rates, Duration warmup,
            Duration duration, Duration pause, String name, Report report, Rss.Tracker memory)
            throws InterruptedException {
        for (List<Probe> group : groups) {
            String cold = load.warmUp(group, 2 * group.size(), Duration.ofSeconds(120));
            if (cold != null) {
                report.note(print(group.get(0).target() + " " + group.get(0).mode() + " (" + name + ") never answered "
                        + 2 * group.size() + " requests in a row within 120 s; last problem: " + cold));
            }
        }
        for (String mode : groups.stream().map(g -> g.get(0).mode()).distinct().toList()) {
            for (double rate : rates) {
                for (List<Probe> group : groups.stream().filter(g -> g.get(0).mode().equals(mode)).toList()) {
                    if (!warmup.isZero()) {
                        load.run(group, rate, warmup);
                    }
                    Map<String, Double> cpuBefore = Cpu.snapshot(memory.pids());
                    RunResult r = load.run(group, rate, duration);
                    report.addCpu(name, r, Cpu.perRequest(cpuBefore, Cpu.snapshot(memory.pids()), r.ok()));
                    memory.sampleLoaded();
                    Thread.sleep(pause.toMillis());
                    report.addFleet(name, r);
                    System.out.println(line(r) + "  (" + name + ")");
                }
            }
        }
    }

    /**
     * The measure: at each connection count every target in turn (so drift hits all alike), each
     * connection sending its next request as soon as the last one answered.
     */
    private static void closedLoop(Options o, LoadGenerator load, List<Probe> probes, Report report,
            Rss.Tracker memory) throws InterruptedException {
        ClosedLoop closed = new ClosedLoop(load);
        for (String mode : o.modes()) {
            for (int connections : o.connections()) {
                for (Probe probe : probes.stream().filter(p -> p.mode().equals(mode)).toList()) {
                    if (!o.warmup().isZero()) {
                        closed.run(probe, connections, o.warmup());
                    }
                    ClosedLoopResult r = closed.run(probe, connections, o.closedDuration());
                    memory.sampleLoaded();
                    // lets one target's work after its answers (usage, settlement) end before the next is measured
                    Thread.sleep(o.pause().toMillis());
                    report.addClosed(r);
                    System.out.println(line(r));
                }
            }
        }
    }

    private static void components(Options o, Stack stack, Seeder.Demo demo, LoadGenerator load, Report report,
            Rss.Tracker memory) {
        Ports p = stack.ports();
        try {
            Components c = Components.signIn(stack.keycloakUrl(), demo.apiKey());
            Duration duration = Duration.ofSeconds(Math.max(2, o.duration().toSeconds() / 2));
            for (RunResult r : c.measure(load, p.url(p.workspace()), p.url(p.guardrail()), p.url(p.routing()),
                    o.componentRate(), duration)) {
                memory.sampleLoaded();
                report.addComponent(r);
                System.out.println(line(r));
            }
            long[] lag = c.billingLag(p.url(p.gateway()) + "/api/v1/chat/completions", p.url(p.billing()), 20);
            report.billingLag(Percentiles.ofNanos(lag), lag.length);
        } catch (IOException | RuntimeException e) {
            report.note(print("component benchmarks stopped: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Issue 23's warm start: the gateway started again (the other services stay up), then its first chat
     * completion after it reports ready against the hundredth (the median of the 91st to 100th, one request's
     * time being noisy on a shared machine), sent one after another. Reported, never asserted here
     * (GatewayWarmStartTest asserts it).
     */
    private static void warmStart(Stack stack, Seeder.Demo demo, Report report) {
        Ports p = stack.ports();
        Probe probe = Probe.chat("atrium", URI.create(p.url(p.gateway()) + "/api/v1/chat/completions"),
                Map.of("Authorization", "Bearer " + demo.apiKey()), Components.MODEL, false);
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(30))) {
            stack.stop("gateway");
            stack.restart("gateway");
            double[] millis = new double[100];
            String problem = null;
            for (int i = 0; i < millis.length && problem == null; i++) {
                long sent = System.nanoTime();
                problem = load.send(probe).get(40, java.util.concurrent.TimeUnit.SECONDS).problem();
                millis[i] = (System.nanoTime() - sent) / 1e6;
            }
            double[] last = java.util.Arrays.copyOfRange(millis, 90, 100);
            java.util.Arrays.sort(last);
            double hundredth = (last[4] + last[5]) / 2;
            report.note(print(problem != null ? "warm start: a request failed after the gateway's restart: " + problem
                    : String.format(Locale.ROOT, "Warm start (gateway started again, others up): first request after "
                            + "ready %.1f ms, second %.1f ms, hundredth (median of 91st-100th) %.1f ms: first/hundredth "
                            + "%.1fx (issue 23: at most 2x)", millis[0], millis[1], hundredth, millis[0] / hundredth)));
        } catch (Exception e) {
            report.note(print("warm start not measured: " + e));
        }
    }

    static void setZeroLatency(String simulatorUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(simulatorUrl + "/sim/providers/" + UPSTREAM_PROVIDER))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"latency_ms\":0}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("simulator refused latency 0: HTTP " + answer.statusCode() + " " + answer.body());
        }
    }

    static String line(RunResult r) {
        return String.format(Locale.ROOT, "%-32s %-14s rate %6.0f  achieved %7.1f/s  p50 %8.2f  p90 %8.2f  "
                        + "p99 %8.2f ms  errors %d%s", r.target(), r.mode(), r.rate(), r.achievedRps(),
                r.latency().p50(), r.latency().p90(), r.latency().p99(), r.errors(),
                r.firstError() == null ? "" : "  first: " + r.firstError());
    }

    static String line(ClosedLoopResult r) {
        return String.format(Locale.ROOT, "%-32s %-14s closed %3d conn  %7.1f req/s  p50 %8.2f  p90 %8.2f  "
                        + "p99 %8.2f ms  errors %d%s", r.target(), r.mode(), r.connections(), r.requestsPerSecond(),
                r.latency().p50(), r.latency().p90(), r.latency().p99(), r.errors(),
                r.firstError() == null ? "" : "  first: " + r.firstError());
    }

    private static String print(String message) {
        System.out.println(message);
        return message;
    }

    private static List<String> describe(Options o) {
        List<String> flags = new ArrayList<>();
        flags.add("--rates " + String.join(",", o.rates().stream().map(r -> String.valueOf(r.longValue()))
                .toList()));
        flags.add("--duration " + o.duration().toSeconds());
        flags.add("--warmup " + o.warmup().toSeconds());
        if (!o.settle().isZero()) {
            flags.add("--settle " + o.settle().toSeconds());
        }
        flags.add("--stack " + o.stack());
        if (o.closed()) {
            flags.add("--connections " + String.join(",", o.connections().stream().map(String::valueOf).toList()));
            flags.add("--closed-duration " + o.closedDuration().toSeconds());
        } else {
            flags.add("--no-closed");
        }
        if (o.fleetRates().isEmpty()) {
            flags.add("--no-fleet");
        } else {
            flags.add("--fleet " + o.fleetWorkspaces() + "x" + o.fleetKeys());
            flags.add("--fleet-rates " + String.join(",", o.fleetRates().stream()
                    .map(r -> String.valueOf(r.longValue())).toList()));
        }
        if (!o.portkey()) {
            flags.add("--no-portkey");
        }
        return flags;
    }

    private static String preamble() throws IOException {
        try (InputStream in = Bench.class.getResourceAsStream("/benchmarks-preamble.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
