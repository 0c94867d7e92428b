package dev.atrium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (utime + stime, user and kernel time of every
 * thread), to divide a point's CPU by its answered requests. A process counts with its live descendants
 * (Keycloak's JVM under {@code kc.sh}, PostgreSQL's backends under the postmaster): a backend that exited
 * during the point loses its CPU, which the pooled services' long-lived connections make rare.
 */
public final class Cpu {

    /** Linux's USER_HZ: /proc reports CPU in 1/100 s on every architecture the stack runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private Cpu() {
    }

    /** CPU seconds the process and its live descendants used so far, or -1 when it is gone. */
    public static double seconds(long pid) {
        return Rss.withDescendants(pid, Cpu::own);
    }

    static double own(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime in seconds from one {@code stat} line; the command name may hold spaces and parentheses. */
    static double parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after the name: state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12 here
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The watched processes' CPU seconds at one moment, by name. */
    public static Map<String, Double> snapshot(Map<String, Long> pids) {
        Map<String, Double> now = new LinkedHashMap<>();
        pids.forEach((name, pid) -> now.put(name, seconds(pid)));
        return now;
    }

    /** CPU milliseconds per answered request of each process between two snapshots (NaN when one is missing). */
    public static Map<String, Double> perRequest(Map<String, Double> before, Map<String, Double> after, int answered) {
        Map<String, Double> per = new LinkedHashMap<>();
        before.forEach((name, start) -> {
            Double end = after.get(name);
            per.put(name, end == null || start < 0 || end < 0 || answered <= 0 ? Double.NaN
                    : (end - start) * 1000 / answered);
        });
        return per;
    }
}
