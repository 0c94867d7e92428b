package dev.atrium.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The runner's command-line flags; see {@link #USAGE}. */
record Options(List<Double> rates, Duration duration, Duration warmup, Duration settle, Duration pause,
        List<String> modes, String stack, Path home, boolean portkey, boolean components, double componentRate,
        boolean closed, List<Integer> connections, Duration closedDuration, List<Double> fleetRates,
        int fleetWorkspaces, int fleetKeys, Path root,
        Path markdown, Path png) {

    static final String USAGE = """
            usage: Bench [--rates 100,300,600] [--duration 10] [--warmup 2] [--settle 0] [--pause 3]
                         [--modes non-streaming,streaming] [--stack start|running|none] [--home DIR]
                         [--no-portkey] [--no-components]
                         [--component-rate 100] [--connections 1,16] [--closed-duration 10] [--no-closed]
                         [--fleet 10x5] [--fleet-rates 200,600] [--no-fleet]
                         [--out docs/benchmarks.md] [--png FILE]
              --stack start    start the whole stack on free ports under --home (default target/bench-home)
              --stack running  use the stack ./atrium up started (default ports, --home default .atrium)
              --stack none     only the upstream (an in-process simulator) and Portkey
              --connections    closed loop after the open one: each connection sends its next request as soon
                               as the last one answered, --closed-duration seconds per point after --warmup
              --fleet          the many-keys open loop after the closed one: workspaces x keys per workspace
                               (seeded once per --home in the demo organization), sent to in turn at each
                               --fleet-rates rate; direct and Portkey get the same requests and keys
              --settle         seconds of load at the lowest rate for every target before the first measured
                               point, nothing recorded: every target measured in its steady state (a JVM's
                               compiler works for tens of seconds after a start; the warm start is measured apart)
              --png            the plot (default benchmarks/latency-vs-rate.png beside --out)
            """;

    static Options parse(String[] raw) {
        List<String> args = new ArrayList<>();
        // exec:exec passes the whole bench.args property as one argument
        Arrays.stream(raw).flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> !a.isBlank())
                .forEach(args::add);
        Path root = findRoot();
        List<Double> rates = List.of(100.0, 300.0, 600.0);
        Duration duration = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(2);
        Duration settle = Duration.ZERO;
        Duration pause = Duration.ofSeconds(3);
        List<String> modes = List.of(Probe.NON_STREAMING, Probe.STREAMING);
        String stack = "start";
        Path home = null;
        boolean portkey = true;
        boolean components = true;
        double componentRate = 100;
        boolean closed = true;
        List<Integer> connections = List.of(1, 16);
        Duration closedDuration = Duration.ofSeconds(10);
        List<Double> fleetRates = List.of(200.0, 600.0);
        int fleetWorkspaces = 10;
        int fleetKeys = 5;
        Path markdown = root.resolve("docs/benchmarks.md");
        Path png = null;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--rates" -> rates = Arrays.stream(args.get(++i).split(",")).map(Double::valueOf).toList();
                case "--duration" -> duration = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                case "--warmup" -> warmup = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                case "--settle" -> settle = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                case "--pause" -> pause = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                case "--modes" -> modes = List.of(args.get(++i).split(","));
                case "--stack" -> stack = args.get(++i);
                case "--home" -> home = Path.of(args.get(++i)).toAbsolutePath();
                case "--no-portkey" -> portkey = false;
                case "--no-components" -> components = false;
                case "--component-rate" -> componentRate = Double.parseDouble(args.get(++i));
                case "--no-closed" -> closed = false;
                case "--connections" -> connections = Arrays.stream(args.get(++i).split(",")).map(Integer::valueOf)
                        .toList();
                case "--closed-duration" -> closedDuration = Duration.ofMillis(
                        (long) (Double.parseDouble(args.get(++i)) * 1000));
                case "--fleet" -> {
                    String[] shape = args.get(++i).split("x");
                    fleetWorkspaces = Integer.parseInt(shape[0]);
                    fleetKeys = Integer.parseInt(shape[1]);
                }
                case "--fleet-rates" -> fleetRates = Arrays.stream(args.get(++i).split(",")).map(Double::valueOf)
                        .toList();
                case "--no-fleet" -> fleetRates = List.of();
                case "--out" -> markdown = Path.of(args.get(++i)).toAbsolutePath();
                case "--png" -> png = Path.of(args.get(++i)).toAbsolutePath();
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
        }
        if (!List.of("start", "running", "none").contains(stack)) {
            throw new IllegalArgumentException("--stack must be start, running or none\n" + USAGE);
        }
        if (home == null) {
            home = stack.equals("running") ? root.resolve(".atrium")
                    : root.resolve("deploy/bench/target/bench-home");
        }
        if (fleetWorkspaces < 1 || fleetKeys < 1) {
            throw new IllegalArgumentException("--fleet needs at least 1x1\n" + USAGE);
        }
        if (connections.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--connections must all be at least 1\n" + USAGE);
        }
        if (png == null) {
            png = markdown.toAbsolutePath().getParent().resolve("benchmarks/latency-vs-rate.png");
        }
        return new Options(rates, duration, warmup, settle, pause, modes, stack, home, portkey, components,
                componentRate, closed, connections, closedDuration, fleetRates, fleetWorkspaces, fleetKeys, root,
                markdown, png);
    }

    /** The repository root: the nearest folder up from here holding {@code mvnw}. */
    private static Path findRoot() {
        String given = System.getProperty("atrium.root");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }
}
