package dev.atrium.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The runner's command-line flags; see {@link #USAGE}. */
record Options(List<Double> rates, Duration duration, Duration warmup, Duration pause, List<String> modes, String stack, Path home,
        boolean portkey, boolean components, double componentRate, Path root, Path markdown, Path png) {

    static final String USAGE = """
            usage: Bench [--rates 100,300,600] [--duration 10] [--warmup 2] [--pause 3] [--modes non-streaming,streaming]
                         [--stack start|running|none] [--home DIR] [--no-portkey] [--no-components]
                         [--component-rate 100] [--out docs/benchmarks.md]
              --stack start    start the whole stack on free ports under --home (default target/bench-home)
              --stack running  use the stack ./atrium up started (default ports, --home default .atrium)
              --stack none     only the upstream (an in-process simulator) and Portkey
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
        Duration pause = Duration.ofSeconds(3);
        List<String> modes = List.of(Probe.NON_STREAMING, Probe.STREAMING);
        String stack = "start";
        Path home = null;
        boolean portkey = true;
        boolean components = true;
        double componentRate = 100;
        Path markdown = root.resolve("docs/benchmarks.md");
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--rates" -> rates = Arrays.stream(args.get(++i).split(",")).map(Double::valueOf).toList();
                case "--duration" -> duration = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                case "--warmup" -> warmup = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                case "--pause" -> pause = Duration.ofMillis((long) (Double.parseDouble(args.get(++i)) * 1000));
                case "--modes" -> modes = List.of(args.get(++i).split(","));
                case "--stack" -> stack = args.get(++i);
                case "--home" -> home = Path.of(args.get(++i)).toAbsolutePath();
                case "--no-portkey" -> portkey = false;
                case "--no-components" -> components = false;
                case "--component-rate" -> componentRate = Double.parseDouble(args.get(++i));
                case "--out" -> markdown = Path.of(args.get(++i)).toAbsolutePath();
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
        Path png = markdown.toAbsolutePath().getParent().resolve("benchmarks/latency-vs-rate.png");
        return new Options(rates, duration, warmup, pause, modes, stack, home, portkey, components, componentRate, root,
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
