package dev.atrium.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service, started as its own JVM with its settings as system properties. */
final class ServiceProcess {

    /**
     * Every service's JVM options (docs/operations.md, "Memory", gives each one's reason and the measured RSS;
     * deploy/kubernetes's JAVA_TOOL_OPTIONS are the same): the serial collector, a small heap sized from the
     * measured live data, and freed native memory given back to the system.
     */
    static final List<String> COMMON_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MetaspaceSize=128m",
            "-XX:MaxMetaspaceSize=192m", "-XX:-UseCodeCacheFlushing", "-XX:TrimNativeHeapInterval=1000",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    /** The gateway and guardrail serve every request: both JIT compilers, a larger young generation. */
    static final List<String> REQUEST_PATH_OPTIONS = List.of("-Xms48m", "-Xmx96m", "-Xmn24m",
            "-XX:ReservedCodeCacheSize=64m");
    /** Services the gateway's caches keep off most requests: C1 only, no profiling data (~10-15 MiB less). */
    static final List<String> OFF_PATH_OPTIONS = List.of("-Xms32m", "-Xmx96m", "-Xmn16m", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> settings;
    private final Path log;

    ServiceProcess(String name, Path jar, int port, int managementPort, Map<String, String> settings, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.settings = settings;
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    Path jar() {
        return jar;
    }

    Map<String, String> settings() {
        return settings;
    }

    Process start() throws IOException {
        if (!Files.exists(jar)) {
            throw new ComponentFailure(name, log, jar + " is missing; build with ./mvnw -B install -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(LocalBuild.javaExecutable());
        command.addAll(jvmOptions(name));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dquarkus.management.host=127.0.0.1");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc gives each thread that mallocs an arena of its own (up to 8 per core), each keeping freed memory
        // resident; two are plenty for a JVM whose heap is its own (docs/operations.md, "Memory").
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    /**
     * The services' JVM options (docs/operations.md, "Memory": each one's reason and what it was measured to
     * cost), or those of {@code -Datrium.jvm-options} / {@code ATRIUM_JVM_OPTIONS} (space-separated) instead,
     * read at each start, to try others.
     */
    static List<String> jvmOptions(String name) {
        String given = System.getProperty("atrium.jvm-options", System.getenv("ATRIUM_JVM_OPTIONS"));
        if (given != null && !given.isBlank()) {
            return List.of(given.trim().split("\\s+"));
        }
        List<String> options = new ArrayList<>(COMMON_OPTIONS);
        // a replica is named after its service ("gateway-41234")
        boolean requestPath = name.startsWith("gateway") || name.startsWith("guardrail");
        options.addAll(requestPath ? REQUEST_PATH_OPTIONS : OFF_PATH_OPTIONS);
        return options;
    }

    boolean isReady() {
        return isReady(managementPort);
    }

    /** Readiness is served on the management port only (never on the public one). */
    static boolean isReady(int managementPort) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
