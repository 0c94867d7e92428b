package dev.atrium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the numbers were measured on: cores, memory, JVM, load average, time. */
public record Machine(int cores, String memory, String java, String loadAverage, Instant when) {

    public static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                loadNow(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The 1, 5 and 15 minute load averages. */
    public static String loadNow() {
        String[] fields = read("/proc/loadavg").strip().split("\\s+");
        return fields.length < 3 ? "unknown" : String.join(" ", fields[0], fields[1], fields[2]);
    }

    private static String memTotal() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> {
                    long kb = Long.parseLong(l.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }).orElse("unknown");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
