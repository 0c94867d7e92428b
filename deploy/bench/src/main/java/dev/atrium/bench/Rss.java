package dev.atrium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Resident memory of processes, from {@code /proc/<pid>/status}. */
public final class Rss {

    private Rss() {
    }

    /**
     * VmRSS in MiB of the process and its descendants (Keycloak's PID file names {@code kc.sh}, whose
     * JVM is a child), or -1 when the process is gone. This JVM counts alone: the stack is its child.
     */
    public static double mib(long pid) {
        return withDescendants(pid, Rss::own);
    }

    /**
     * {@code own} of the process plus that of its live descendants, or -1 when the process is gone; this JVM
     * counts alone (the stack is its child).
     */
    static double withDescendants(long pid, java.util.function.LongToDoubleFunction own) {
        double self = own.applyAsDouble(pid);
        if (self < 0 || pid == ProcessHandle.current().pid()) {
            return self;
        }
        return self + ProcessHandle.of(pid).map(h -> h.descendants()
                .mapToDouble(d -> Math.max(0, own.applyAsDouble(d.pid()))).sum()).orElse(0.0);
    }

    private static double own(long pid) {
        return procMib(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
    }

    /**
     * Proportional set size in MiB of the process and its descendants: each shared page counted once across them
     * ({@code /proc/<pid>/smaps_rollup} Pss), for PostgreSQL, whose backends all map the same shared buffers, so
     * that their RSS summed counts those buffers once per backend. -1 when the process is gone.
     */
    public static double proportionalMib(long pid) {
        return withDescendants(pid, p -> procMib(Path.of("/proc", String.valueOf(p), "smaps_rollup"), "Pss:"));
    }

    /** A {@code /proc} file's line starting with {@code field}, in kB, as MiB; -1 when absent or unreadable. */
    private static double procMib(Path file, String field) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(-1.0);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The stack's embedded PostgreSQL server: the postmaster named by the first line of its data directory's
     * {@code postmaster.pid} ({@code <home>/postgres}), when that process is alive and is a postgres. Not found
     * among this JVM's descendants: {@code pg_ctl} starts it and exits, so it belongs to init. Its memory is
     * sampled as PSS ({@link #proportionalMib}). Empty for an external database ({@code ATRIUM_DB_URL}), which
     * has no data directory here.
     */
    public static java.util.Optional<Long> embeddedPostgres(Path home) {
        return postmasterPid(home.resolve("postgres")).filter(pid -> ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive).map(Rss::isPostgres).orElse(false));
    }

    /** The postmaster's PID from a data directory's {@code postmaster.pid}, if it holds one. */
    static java.util.Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            return Files.readAllLines(dataDirectory.resolve("postmaster.pid")).stream().findFirst()
                    .map(String::strip).filter(line -> line.matches("\\d+")).map(Long::parseLong);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle h) {
        return h.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    /** The Stack's PID files ({@code <home>/pids/<name>.pid}), by component name. */
    public static Map<String, Long> stackPids(Path home) {
        Map<String, Long> pids = new LinkedHashMap<>();
        Path dir = home.resolve("pids");
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(f -> {
                try {
                    pids.put(f.getFileName().toString().replace(".pid", ""),
                            Long.parseLong(Files.readString(f).strip()));
                } catch (IOException | NumberFormatException ignored) {
                    // a PID file being rewritten: that component is simply not reported
                }
            });
        } catch (IOException ignored) {
            // no PID files: nothing to report
        }
        return pids;
    }

    /**
     * The largest RSS a process reached when one of the keeper's samples was taken (PSS for those watched with
     * {@link #watchProportional}).
     */
    public static final class Tracker {
        private final Map<String, Long> pids = new LinkedHashMap<>();
        private final java.util.Set<String> proportional = new java.util.HashSet<>();
        private final Map<String, Double> idle = new LinkedHashMap<>();
        private final Map<String, Double> loaded = new LinkedHashMap<>();

        public void watch(String name, long pid) {
            pids.put(name, pid);
        }

        /** Sampled as PSS with its descendants ({@link #proportionalMib}): a server whose processes share memory. */
        public void watchProportional(String name, long pid) {
            watch(name, pid);
            proportional.add(name);
        }

        private double sample(String name, long pid) {
            return proportional.contains(name) ? proportionalMib(pid) : mib(pid);
        }

        /** The watched processes by name (the CPU breakdown reads the same ones). */
        public Map<String, Long> pids() {
            return pids;
        }

        public void sampleIdle() {
            pids.forEach((name, pid) -> idle.put(name, sample(name, pid)));
        }

        public void sampleLoaded() {
            pids.forEach((name, pid) -> loaded.merge(name, sample(name, pid), Math::max));
        }

        public Map<String, Double> idle() {
            return idle;
        }

        public Map<String, Double> loaded() {
            return loaded;
        }
    }
}
