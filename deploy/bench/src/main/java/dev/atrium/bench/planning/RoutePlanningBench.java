package dev.atrium.bench.planning;

import dev.atrium.bench.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link RoutePlanningBenchmark} under JMH (the forks, warm-up and measurement of its annotations
 * unless JMH flags say otherwise, e.g. {@code -f 1 -wi 2 -i 3}), with the GC profiler for the
 * allocation per plan and {@link CpuTimeProfiler} for the CPU time per plan, and prints the results as a Markdown table with the machine and its load
 * average; the table is also written to {@code target/route-planning.md}.
 */
public final class RoutePlanningBench {

    /** The aim of issue 5: under a millisecond per plan. */
    static final double AIM_US = 1000;

    private RoutePlanningBench() {
    }

    public static void main(String[] args) throws Exception {
        // exec:exec passes the whole jmh.args property as one argument
        String[] flags = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(a -> !a.isBlank()).toArray(String[]::new);
        CommandLineOptions cli = new CommandLineOptions(flags);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli).shouldFailOnError(true);
        if (cli.getIncludes().isEmpty()) {
            options.include(RoutePlanningBenchmark.class.getName());
        }
        if (cli.getProfilers().isEmpty()) {
            options.addProfiler(GCProfiler.class).addProfiler(CpuTimeProfiler.class);
        }
        Machine before = Machine.describe();
        Collection<RunResult> results = new Runner(options.build()).run();
        String table = table(results, before, Machine.loadNow(), String.join(" ", flags));
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target/route-planning.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    static String table(Collection<RunResult> results, Machine before, String loadAfter, String flags) {
        StringBuilder md = new StringBuilder();
        md.append("- Date: ").append(before.when()).append('\n');
        md.append("- Machine: ").append(before.cores()).append(" cores (nproc), ").append(before.memory())
                .append(" memory, ").append(before.java()).append('\n');
        md.append("- Load average at start: ").append(before.loadAverage()).append(", at end: ").append(loadAfter)
                .append('\n');
        md.append("- JMH flags: ").append(flags.isBlank() ? "(the annotations' defaults)" : "`" + flags + "`")
                .append("\n\n");
        md.append("| benchmark | time per plan | error (99.9%) | CPU us/op | alloc B/op | under 1 ms |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        results.stream().sorted(Comparator.comparing(r -> r.getParams().getBenchmark())).forEach(r -> {
            Result<?> primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            Result<?> cpu = r.getSecondaryResults().get("cpu.time.norm");
            boolean micros = "us/op".equals(primary.getScoreUnit());
            // the upper end of the confidence interval (the score alone when one iteration gives no error)
            double upper = primary.getScore() + (Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError());
            md.append(String.format(Locale.ROOT, "| %s | %.2f %s | %s | %s | %s | %s |%n",
                    name.substring(name.lastIndexOf('.') + 1), primary.getScore(), primary.getScoreUnit(),
                    Double.isNaN(primary.getScoreError()) ? "-"
                            : String.format(Locale.ROOT, "± %.2f", primary.getScoreError()),
                    cpu == null ? "-" : String.format(Locale.ROOT, "%.2f", cpu.getScore()),
                    alloc == null ? "-" : String.format(Locale.ROOT, "%.0f", alloc.getScore()),
                    !micros ? "-" : upper < AIM_US ? "yes" : "no"));
        });
        return md.toString();
    }
}
