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
        // A heap that starts large enough: from 32 MB, the young generation (~10 MB) was collected several
        // times a second under load, 7-11 ms each, and the small old generation filled up into ~100 ms full GCs.
        List<String> command = new ArrayList<>(List.of(LocalBuild.javaExecutable(), "-Xms256m", "-Xmx512m",
                "-XX:+UseSerialGC"));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dquarkus.management.host=127.0.0.1");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
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
