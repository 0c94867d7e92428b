package dev.atrium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Everything one run measured, written as Markdown with the plot beside it. */
public final class Report {

    public static final String BASELINE = "direct";

    private final Machine machine;
    private final String command;
    private final List<RunResult> results = new ArrayList<>();
    private final List<ClosedLoopResult> closed = new ArrayList<>();
    private final List<RunResult> components = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<RunResult> fleet = new ArrayList<>();
    private String fleetName = "many keys";
    private final List<CpuPoint> cpu = new ArrayList<>();
    private Rss.Tracker memory;
    private Percentiles billingLag;
    private int billingLagSamples;

    public Report(Machine machine, String command) {
        this.machine = machine;
        this.command = command;
    }

    public void add(RunResult result) {
        results.add(result);
    }

    public void addClosed(ClosedLoopResult result) {
        closed.add(result);
    }

    public void addComponent(RunResult result) {
        components.add(result);
    }

    /** A point of the many-keys open loop ({@link Fleet}), named e.g. "50 keys in 10 workspaces". */
    public void addFleet(String name, RunResult result) {
        fleetName = name;
        fleet.add(result);
    }

    /** CPU milliseconds per answered request of each watched process during one measured point. */
    public void addCpu(String scenario, RunResult result, Map<String, Double> perRequest) {
        cpu.add(new CpuPoint(scenario, result.target(), result.mode(), result.rate(), perRequest));
    }

    public List<RunResult> fleet() {
        return fleet;
    }

    private record CpuPoint(String scenario, String target, String mode, double rate, Map<String, Double> perRequest) {
    }

    public void note(String note) {
        notes.add(note);
    }

    public void memory(Rss.Tracker tracker) {
        this.memory = tracker;
    }

    public void billingLag(Percentiles lag, int samples) {
        this.billingLag = lag;
        this.billingLagSamples = samples;
    }

    public List<RunResult> results() {
        return results;
    }

    /** Writes the Markdown to {@code markdown} and the plot to {@code png} (linked relatively). */
    static final String LAST_RUN = "## Last run\n";

    public void write(Path markdown, Path png, String preamble) throws IOException {
        Plot.write(results, png);
        if (!fleet.isEmpty()) {
            Plot.write(fleet, fleetPng(png));
        }
        Path parent = markdown.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String link = parent.relativize(png.toAbsolutePath()).toString();
        String previous = Files.exists(markdown) ? Files.readString(markdown) : null;
        Files.writeString(markdown, merge(previous, render(link, preamble), render(link, null)));
    }

    /**
     * The new run replaces only the previous "## Last run" section; hand-written sections around it
     * (component benchmarks, what the runs showed) stay. A file without one gets the whole page.
     */
    static String merge(String previous, String wholePage, String lastRun) {
        int start = previous == null ? -1 : previous.indexOf(LAST_RUN);
        if (start < 0) {
            return wholePage;
        }
        int end = previous.indexOf("\n## ", start + LAST_RUN.length());
        String block = lastRun.endsWith("\n\n") ? lastRun : lastRun + "\n";
        return previous.substring(0, start) + block + (end < 0 ? "" : previous.substring(end + 1));
    }

    /** The many-keys plot beside the main one: {@code latency-vs-rate.png} gives {@code latency-vs-rate-many-keys.png}. */
    static Path fleetPng(Path png) {
        String name = png.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return png.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-many-keys"
                + (dot < 0 ? "" : name.substring(dot)));
    }

    String render(String pngLink, String preamble) {
        StringBuilder md = new StringBuilder();
        md.append(preamble == null ? "" : preamble);
        md.append(LAST_RUN).append("\n");
        md.append("- Date: ").append(machine.when()).append('\n');
        md.append("- Machine: ").append(machine.cores()).append(" cores (nproc), ").append(machine.memory())
                .append(" memory, ").append(machine.java()).append('\n');
        md.append("- Load average at start: ").append(machine.loadAverage()).append(", at end: ")
                .append(Machine.loadNow()).append('\n');
        md.append("- Command: `").append(command).append("`\n");
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\n![latency vs rate](").append(pngLink).append(")\n\n");
        md.append("Latency counts from each request's scheduled send time (open loop). Added latency is the "
                + "target's percentile minus the direct-to-upstream percentile at the same mode and rate.\n\n");
        openRows(md, results);
        if (!closed.isEmpty()) {
            renderClosed(md);
        }
        if (!fleet.isEmpty()) {
            renderFleet(md, pngLink);
        }
        if (!cpu.isEmpty()) {
            renderCpu(md);
        }
        if (!components.isEmpty()) {
            md.append("\n### Components (internal routes, service token, one rate)\n\n");
            md.append("| route | rate (req/s) | achieved | p50 ms | p90 ms | p99 ms | errors |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (RunResult r : components) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s | %d%s |%n", r.target(),
                        r.rate(), r.achievedRps(), f(r.latency().p50()), f(r.latency().p90()), f(r.latency().p99()),
                        r.errors(), firstError(r.firstError())));
            }
        }
        if (billingLag != null) {
            md.append(String.format(Locale.ROOT, "%nBilling ingestion lag (chat answer received -> generation "
                    + "visible at billing's internal lookup, %d sequential requests, polled every 10 ms): "
                    + "p50 %s ms, p90 %s ms, max %s ms.%n", billingLagSamples, f(billingLag.p50()),
                    f(billingLag.p90()), f(billingLag.max())));
        }
        if (memory != null && !memory.idle().isEmpty()) {
            md.append("\n### Memory (VmRSS, MiB)\n\n| process | idle | under load (max sampled) |\n|---|---:|---:|\n");
            for (Map.Entry<String, Double> e : memory.idle().entrySet()) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", e.getKey(), e.getValue(),
                        memory.loaded().getOrDefault(e.getKey(), Double.NaN)));
            }
        }
        return md.toString();
    }

    private static void openRows(StringBuilder md, List<RunResult> rows) {
        md.append("| target | mode | rate (req/s) | achieved (req/s) | p50 ms | p90 ms | p99 ms | "
                + "added p50 / p90 / p99 ms | TTFB p50 / p99 ms | errors |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|---|---:|\n");
        for (RunResult r : rows) {
            String added = added(r.target(), r.latency(), openBaseline(rows, r).map(RunResult::latency));
            String ttfb = ttfb(r.ttfb());
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %s | %s | %s | %s | %s | %d%s |%n",
                    r.target(), r.mode(), r.rate(), r.achievedRps(), f(r.latency().p50()), f(r.latency().p90()),
                    f(r.latency().p99()), added, ttfb, r.errors(), firstError(r.firstError())));
        }
    }

    /** "p50 / p90 / p99" over the baseline's, or "-" for the baseline itself or when it was not run. */
    private static String added(String target, Percentiles latency, Optional<Percentiles> base) {
        return target.equals(BASELINE) || base.isEmpty() ? "-"
                : f(latency.p50() - base.get().p50()) + " / " + f(latency.p90() - base.get().p90()) + " / "
                        + f(latency.p99() - base.get().p99());
    }

    private static String ttfb(Percentiles ttfb) {
        return ttfb == null ? "-" : f(ttfb.p50()) + " / " + f(ttfb.p99());
    }

    private static Optional<RunResult> openBaseline(List<RunResult> rows, RunResult r) {
        return openPoint(rows, BASELINE, r.mode(), r.rate());
    }

    private static Optional<RunResult> openPoint(List<RunResult> rows, String target, String mode, double rate) {
        return rows.stream().filter(b -> b.target().equals(target) && b.mode().equals(mode) && b.rate() == rate)
                .findFirst();
    }

    private void renderFleet(StringBuilder md, String pngLink) {
        md.append("\n### Open loop, ").append(fleetName).append("\n\n");
        md.append("The same open loop, request i sent with key i mod the number of keys, so every key sends an "
                + "equal share of the rate; direct and Portkey get the same requests with the same keys. Added latency "
                + "as above.\n\n");
        md.append("![latency vs rate, ").append(fleetName).append("](").append(fleetPng(Path.of(pngLink)))
                .append(")\n\n");
        openRows(md, fleet);
        md.append("\nThe issue's target: Atrium's added p50 and p99 at or below Portkey's (judged at 200 req/s; "
                + "every rate is shown).\n\n");
        fleetVerdicts(fleet).forEach(v -> md.append("- ").append(v).append('\n'));
    }

    /** One sentence per mode and rate of the many-keys loop: added p50 and p99 against Portkey's. */
    static List<String> fleetVerdicts(List<RunResult> rows) {
        List<String> lines = new ArrayList<>();
        rows.stream().map(r -> r.mode() + "@" + r.rate()).distinct().forEach(key -> {
            RunResult any = rows.stream().filter(r -> (r.mode() + "@" + r.rate()).equals(key)).findFirst().orElseThrow();
            String where = String.format(Locale.ROOT, "%s, %.0f req/s", any.mode(), any.rate());
            Optional<RunResult> d = openPoint(rows, BASELINE, any.mode(), any.rate());
            Optional<RunResult> a = openPoint(rows, "atrium", any.mode(), any.rate());
            Optional<RunResult> p = openPoint(rows, "portkey", any.mode(), any.rate());
            if (d.isEmpty() || a.isEmpty() || p.isEmpty()) {
                lines.add(where + ": not compared (" + (a.isEmpty() ? "Atrium" : p.isEmpty() ? "Portkey" : "direct")
                        + " was not run).");
                return;
            }
            double a50 = a.get().latency().p50() - d.get().latency().p50();
            double a99 = a.get().latency().p99() - d.get().latency().p99();
            double p50 = p.get().latency().p50() - d.get().latency().p50();
            double p99 = p.get().latency().p99() - d.get().latency().p99();
            List<String> missed = new ArrayList<>();
            if (!(a50 <= p50)) {
                missed.add("added p50 above Portkey's");
            }
            if (!(a99 <= p99)) {
                missed.add("added p99 above Portkey's");
            }
            if (a.get().errors() > 0) {
                missed.add("Atrium had " + a.get().errors() + " errors");
            }
            lines.add(String.format(Locale.ROOT, "%s: **%s**. Added p50 / p99: Atrium %s / %s ms, Portkey %s / %s ms "
                            + "(Atrium/Portkey %s / %s); achieved Atrium %.0f, Portkey %.0f req/s%s.", where,
                    missed.isEmpty() ? "met" : "not met (" + String.join(", ", missed) + ")", f(a50), f(a99), f(p50),
                    f(p99), ratio(a50, p50), ratio(a99, p99), a.get().achievedRps(), p.get().achievedRps(),
                    p.get().errors() > 0 ? "; Portkey had " + p.get().errors() + " errors" : ""));
        });
        return lines;
    }

    private void renderCpu(StringBuilder md) {
        List<String> processes = cpu.stream().flatMap(c -> c.perRequest().keySet().stream()).distinct().toList();
        md.append("\n### CPU per request (ms of CPU per answered request)\n\n");
        md.append("Each process's user + kernel CPU (`/proc/<pid>/stat` utime + stime, with its live descendants) "
                + "over a measured open-loop point, divided by the point's answered requests. Processes idle in a "
                + "point still show their background CPU (timers, Kafka polls, GC) spread over its requests; the "
                + "clock ticks at 10 ms, so a small figure is only as good as the point is long.\n\n");
        md.append("| scenario | target | mode | rate | ");
        processes.forEach(name -> md.append(name).append(" | "));
        md.append("total |\n|---|---|---|---:|");
        processes.forEach(name -> md.append("---:|"));
        md.append("---:|\n");
        for (CpuPoint c : cpu) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | ", c.scenario(), c.target(), c.mode(),
                    c.rate()));
            double total = 0;
            for (String name : processes) {
                double v = c.perRequest().getOrDefault(name, Double.NaN);
                total += Double.isNaN(v) ? 0 : v;
                md.append(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v)).append(" | ");
            }
            md.append(String.format(Locale.ROOT, "%.3f |%n", total));
        }
    }

    private void renderClosed(StringBuilder md) {
        md.append("\n### Closed loop (connections)\n\n");
        md.append("Each connection sends its next request as soon as the last one answered, so the target sets the "
                + "pace: req/s is successful answers per second, latency counts from send to last byte. Each point "
                + "follows an unmeasured warm-up at the same connection count. Added latency is the target's "
                + "percentile minus direct's at the same mode and connection count.\n\n");
        md.append("| target | mode | connections | req/s | p50 ms | p90 ms | p99 ms | added p50 / p90 / p99 ms | "
                + "TTFB p50 / p99 ms | errors |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|---|---:|\n");
        for (ClosedLoopResult r : closed) {
            String added = added(r.target(), r.latency(), find(closed, BASELINE, r.mode(), r.connections())
                    .map(ClosedLoopResult::latency));
            String ttfb = ttfb(r.ttfb());
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %s | %s | %s | %s | %s | %d%s |%n",
                    r.target(), r.mode(), r.connections(), r.requestsPerSecond(), f(r.latency().p50()),
                    f(r.latency().p90()), f(r.latency().p99()), added, ttfb, r.errors(), firstError(r.firstError())));
        }
        md.append("\nThe issue's target: Atrium's added p50 and p99 at or below Portkey's at each connection count, "
                + "and its req/s at the most connections at or above Portkey's.\n\n");
        verdicts(closed).forEach(v -> md.append("- ").append(v).append('\n'));
    }

    /** One plain sentence per mode and connection count: did Atrium meet the target against Portkey. */
    static List<String> verdicts(List<ClosedLoopResult> closed) {
        List<String> lines = new ArrayList<>();
        closed.stream().map(r -> new Point(r.mode(), r.connections())).distinct().forEach(point -> {
            String mode = point.mode();
            int connections = point.connections();
            int most = closed.stream().filter(r -> r.mode().equals(mode)).mapToInt(ClosedLoopResult::connections)
                    .max().orElse(connections);
            String where = mode + ", " + connections + (connections == 1 ? " connection" : " connections");
            Optional<ClosedLoopResult> direct = find(closed, BASELINE, mode, connections);
            Optional<ClosedLoopResult> atrium = find(closed, "atrium", mode, connections);
            Optional<ClosedLoopResult> portkey = find(closed, "portkey", mode, connections);
            if (direct.isEmpty() || atrium.isEmpty() || portkey.isEmpty()) {
                lines.add(where + ": not compared (" + (atrium.isEmpty() ? "Atrium" : portkey.isEmpty() ? "Portkey"
                        : "direct") + " was not run).");
                return;
            }
            ClosedLoopResult a = atrium.get();
            ClosedLoopResult p = portkey.get();
            ClosedLoopResult d = direct.get();
            double a50 = a.latency().p50() - d.latency().p50();
            double a99 = a.latency().p99() - d.latency().p99();
            double p50 = p.latency().p50() - d.latency().p50();
            double p99 = p.latency().p99() - d.latency().p99();
            List<String> missed = new ArrayList<>();
            if (!(a50 <= p50)) {
                missed.add("added p50 above Portkey's");
            }
            if (!(a99 <= p99)) {
                missed.add("added p99 above Portkey's");
            }
            boolean judgeThroughput = connections == most;
            if (judgeThroughput && !(a.requestsPerSecond() >= p.requestsPerSecond())) {
                missed.add("req/s below Portkey's");
            }
            if (a.errors() > 0) {
                missed.add("Atrium had " + a.errors() + " errors");
            }
            lines.add(String.format(Locale.ROOT, "%s: **%s**. Added p50 / p99: Atrium %s / %s ms, Portkey %s / %s ms "
                            + "(Atrium/Portkey %s / %s); req/s Atrium %.0f, Portkey %.0f (%s)%s%s.", where,
                    missed.isEmpty() ? "met" : "not met (" + String.join(", ", missed) + ")", f(a50), f(a99), f(p50),
                    f(p99), ratio(a50, p50), ratio(a99, p99), a.requestsPerSecond(), p.requestsPerSecond(),
                    ratio(a.requestsPerSecond(), p.requestsPerSecond()),
                    judgeThroughput ? "" : ", throughput judged at " + most + " connections",
                    p.errors() > 0 ? "; Portkey had " + p.errors() + " errors" : ""));
        });
        return lines;
    }

    private record Point(String mode, int connections) {
    }

    private static Optional<ClosedLoopResult> find(List<ClosedLoopResult> closed, String target, String mode,
            int connections) {
        return closed.stream().filter(r -> r.target().equals(target) && r.mode().equals(mode)
                && r.connections() == connections).findFirst();
    }

    /** Atrium over Portkey; meaningless (and shown as "-") when Portkey's figure is not above zero. */
    private static String ratio(double atrium, double portkey) {
        return portkey > 0 && !Double.isNaN(atrium) ? String.format(Locale.ROOT, "%.2f", atrium / portkey) : "-";
    }

    private static String firstError(String error) {
        return error == null ? "" : " (" + error.replace('|', '/').replace('\n', ' ')
                .substring(0, Math.min(120, error.length())) + ")";
    }

    private static String f(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(ms) < 10 ? "%.2f" : "%.0f", ms);
    }
}
