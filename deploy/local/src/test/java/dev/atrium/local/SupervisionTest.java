package dev.atrium.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./atrium status} names a component whose process died as down, and the launcher's watcher
 * ({@link Stack#restartExited()}) starts it again: on the provider simulator, the quickest component, and
 * on the embedded PostgreSQL, which runs in processes of its own.
 */
class SupervisionTest {

    @TempDir
    Path home;

    @Test
    void aKilledComponentShowsAsDownAndIsStartedAgain() throws Exception {
        Ports ports = Ports.free();
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        Files.createDirectories(home.resolve("logs"));
        try (Stack stack = new Stack(home, home, ports, null, progress::add)) {
            stack.startComponent("simulator", () -> new ProcessBuilder(LocalBuild.javaExecutable(), "-Xmx64m",
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "dev.atrium.local.simulator.ProviderSimulator", "--port", String.valueOf(ports.simulator()),
                    "--host", "127.0.0.1").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stack.log("simulator").toFile())).start(),
                    () -> Stack.httpOk(ports.url(ports.simulator()) + "/health"));
            assertThat(line(ports, "simulator")).isEqualTo("simulator  up");
            assertThat(stack.restartExited()).as("nothing exited").isEmpty();

            long first = pid();
            ProcessHandle process = ProcessHandle.of(first).orElseThrow();
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);

            assertThat(line(ports, "simulator")).startsWith("simulator  DOWN   (process " + first + " exited; log: ")
                    .endsWith("simulator.log)");
            assertThat(stack.restartExited()).containsExactly("simulator");
            assertThat(progress).anyMatch(l -> l.matches("simulator +exited \\(code \\d+\\); starting it again"));
            assertThat(pid()).isNotEqualTo(first);
            assertThat(line(ports, "simulator")).isEqualTo("simulator  up");
        }
    }

    @Test
    void aKilledPostgresShowsAsDownAndIsStartedAgain() throws Exception {
        Ports ports = Ports.free();
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        Files.createDirectories(home.resolve("logs"));
        try (Stack stack = new Stack(home, home, ports, null, progress::add)) {
            stack.startDatabaseAlone();
            assertThat(line(ports, "postgres")).isEqualTo("postgres   up");
            assertThat(stack.restartExited()).as("nothing exited").isEmpty();

            long first = postmaster();
            ProcessHandle postmaster = ProcessHandle.of(first).orElseThrow();
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            postmaster.onExit().get(30, TimeUnit.SECONDS);

            assertThat(line(ports, "postgres")).startsWith("postgres   DOWN");
            assertThat(stack.restartExited()).containsExactly("postgres");
            assertThat(progress).anyMatch(l -> l.startsWith("postgres   exited; starting it again"));
            assertThat(postmaster()).isNotEqualTo(first);
            assertThat(line(ports, "postgres")).isEqualTo("postgres   up");
            assertThat(stack.restartExited()).as("up again, nothing to do").isEmpty();
        }
    }

    @Test
    void aComponentStoppedOnPurposeStaysDown() throws Exception {
        Ports ports = Ports.free();
        try (Stack stack = new Stack(home, home, ports, null, line -> { })) {
            stack.startComponent("sleeper", () -> new ProcessBuilder("sleep", "300").start(), () -> true);
            stack.kill("sleeper");
            assertThat(stack.restartExited()).isEmpty();
        }
    }

    private String line(Ports ports, String component) {
        return Launcher.statusLines(ports, home).stream().filter(l -> l.startsWith(component + " ")).findFirst()
                .orElseThrow();
    }

    private long postmaster() throws Exception {
        return Long.parseLong(Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    }

    private long pid() throws Exception {
        return Long.parseLong(Files.readString(home.resolve("pids").resolve("simulator.pid")).trim());
    }
}
