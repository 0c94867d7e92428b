package dev.atrium.routing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time for the cost measurements: this JVM's server threads (HTTP event loop and workers), the
 * calling thread, and the PostgreSQL backends serving this service's database (read from /proc,
 * 10 ms resolution, so measure many calls at once).
 */
public final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuMeter() {
    }

    public static long currentThreadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The Quarkus request threads: where the server side of an HTTP call runs. */
    public static long serverThreadNanos() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("vert.x-eventloop")
                    || info.getThreadName().startsWith("executor-thread"))) {
                long t = THREADS.getThreadCpuTime(info.getThreadId());
                total += Math.max(t, 0);
            }
        }
        return total;
    }

    /** The PostgreSQL backends connected to {@code database}; 0 where /proc is not there. */
    public static long postgresNanos(String database) {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (!cmdline.startsWith("postgres:") || !cmdline.contains(" " + database + " ")) {
                        continue;
                    }
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read it
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }
}
