package dev.atrium.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a local Keycloak (the Quarkus distribution, no Docker) for the local stack and system tests.
 *
 * <p>Layout under {@code home}: the distribution unpacked once as {@code home/keycloak-<version>}; its
 * {@code data/} folder (H2 "dev-file" database) lives inside it, so one home holds one server and its
 * data survives restarts. The realm file, with the local additions laid over it ({@link LocalRealm}: the
 * demo users and the clients' local secrets, never part of the production realm), is written to
 * {@code data/import/} and imported with
 * {@code --import-realm}; Keycloak skips a realm that already exists, so a changed realm file only takes
 * effect on a fresh home (or after deleting {@code data/h2}).
 *
 * <p>{@link #start()} blocks only for the one-time steps (unpacking, ~5 s; the build, ~20-50 s, remembered
 * in a marker file with the build options it used), then launches {@code kc.sh start --optimized} in the
 * background. Readiness: {@link #isReady()}. Stop with {@link Process#destroy()} (SIGTERM to {@code kc.sh},
 * which forwards it to the JVM; Keycloak stops in ~1-4 s). Never use SIGKILL on the returned process:
 * it would orphan the Keycloak JVM.
 *
 * <p>Local-only credentials: bootstrap master admin {@code admin}/{@code admin}.
 */
public final class KeycloakServer {

    public static final String REALM = "atrium";

    /** Build-time options: a change costs a rebuild, so they are fixed here and remembered in a marker. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");
    private static final String BUILD_MARKER = ".atrium-build-options";
    private static final String BOOTSTRAP_ADMIN = "admin";
    private static final String BOOTSTRAP_PASSWORD = "admin";
    private static final String HEAP = "-Xms64m -Xmx512m";
    private static final String LOOPBACK = "127.0.0.1";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final Path home;
    private final Path dist;
    private final Path realm;
    private final Path localAdditions;
    private final int httpPort;
    private final int managementPort;
    private final Path log;

    /**
     * @param home a folder that will hold the unpacked distribution (home/keycloak-26.7.3 or similar)
     * @param dist the distribution tar.gz
     * @param realm the realm json
     * @param localAdditions what the local stack adds to it (users, the clients' local secrets)
     * @param httpPort the HTTP port (127.0.0.1 only)
     * @param managementPort the management port, serving /health/ready (127.0.0.1 only)
     * @param log file to append stdout and stderr to
     */
    public KeycloakServer(Path home, Path dist, Path realm, Path localAdditions, int httpPort, int managementPort,
            Path log) {
        this.home = home.toAbsolutePath().normalize();
        this.dist = dist.toAbsolutePath().normalize();
        this.realm = realm.toAbsolutePath().normalize();
        this.localAdditions = localAdditions.toAbsolutePath().normalize();
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log.toAbsolutePath().normalize();
    }

    /**
     * Unpacks and builds if needed, copies the realm into data/import, and starts Keycloak in the
     * background with its output appended to the log.
     *
     * @return the {@code kc.sh} process (its child is the Keycloak JVM); {@link Process#destroy()} stops both
     * @throws IOException when a port is taken, or unpacking or the build fails (the log says why)
     */
    public Process start() throws IOException {
        requireFree(httpPort, "HTTP");
        requireFree(managementPort, "management");
        Path parent = log.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path kc = unpacked();
        buildIfNeeded(kc);
        Path importDir = kc.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        LocalRealm.write(LocalRealm.merge(realm, localAdditions), importDir.resolve(REALM + "-realm.json"));

        List<String> command = new ArrayList<>();
        command.add(kcScript(kc).toString());
        command.add("start");
        command.add("--optimized");
        command.add("--http-enabled=true");
        command.add("--http-host=" + LOOPBACK);
        command.add("--http-port=" + httpPort);
        command.add("--http-management-host=" + LOOPBACK);
        command.add("--http-management-port=" + managementPort);
        command.add("--hostname=" + url());
        command.add("--cache=local");
        command.add("--import-realm");
        // Each failed readiness poll is otherwise logged at INFO.
        command.add("--log-level=info,io.smallrye.health:warn");
        return process(kc, command).start();
    }

    /** True when {@code GET http://127.0.0.1:<managementPort>/health/ready} answers 200. */
    public boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + LOOPBACK + ":" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The server root, also its {@code --hostname}: {@code http://127.0.0.1:<httpPort>}. */
    public String url() {
        return "http://" + LOOPBACK + ":" + httpPort;
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + url() + ", management " + managementPort + ", home " + home + "]";
    }

    // ---------------------------------------------------------------------------------------------

    /** The unpacked distribution under home, unpacking the tar.gz first if there is none. */
    private Path unpacked() throws IOException {
        Optional<Path> existing = findDistribution(home);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!Files.isRegularFile(dist)) {
            throw new IOException("Keycloak distribution not found: " + dist);
        }
        Files.createDirectories(home);
        // Unpack into a scratch folder and move the result into place, so an interrupted unpack
        // never leaves a half-filled keycloak-* folder behind.
        Path scratch = home.resolve(".unpack");
        deleteRecursively(scratch);
        Files.createDirectories(scratch);
        run(List.of("tar", "xzf", dist.toString(), "-C", scratch.toString()), scratch, "unpacking " + dist);
        Path unpackedDir = findDistribution(scratch)
                .orElseThrow(() -> new IOException("no keycloak-* folder with bin/kc.sh in " + dist));
        Path target = home.resolve(unpackedDir.getFileName().toString());
        Files.move(unpackedDir, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(scratch);
        return target;
    }

    private static Optional<Path> findDistribution(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children
                    .filter(p -> p.getFileName().toString().startsWith("keycloak"))
                    .filter(p -> Files.isRegularFile(p.resolve("bin").resolve("kc.sh")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /** Runs {@code kc.sh build} unless the marker says it already ran with the same options. */
    private void buildIfNeeded(Path kc) throws IOException {
        Path marker = kc.resolve(BUILD_MARKER);
        String wanted = String.join(" ", BUILD_OPTIONS) + "\n";
        if (Files.isRegularFile(marker)
                && Files.readString(marker, StandardCharsets.UTF_8).equals(wanted)
                && Files.isDirectory(kc.resolve("lib").resolve("quarkus"))) {
            return;
        }
        Files.deleteIfExists(marker);
        List<String> command = new ArrayList<>();
        command.add(kcScript(kc).toString());
        command.add("build");
        command.addAll(BUILD_OPTIONS);
        appendToLog("[atrium] building Keycloak (one-time): " + String.join(" ", command));
        Process build = process(kc, command).start();
        int status = await(build, "the Keycloak build");
        if (status != 0) {
            throw new IOException("Keycloak build failed with exit code " + status + "; see " + log);
        }
        Files.writeString(marker, wanted, StandardCharsets.UTF_8);
    }

    private ProcessBuilder process(Path kc, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(kc.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        // Settings inherited from the caller's environment must not change this server.
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("KEYCLOAK_") || k.startsWith("QUARKUS_")
                || k.equals("JAVA_OPTS") || k.equals("JAVA_OPTS_APPEND") || k.equals("JAVA_ADD_OPENS"));
        Path javaHome = javaHome();
        env.put("JAVA_HOME", javaHome.toString());
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.put("PATH", javaHome.resolve("bin") + File.pathSeparator + path);
        env.put("JAVA_OPTS_KC_HEAP", HEAP);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_PASSWORD);
        return pb;
    }

    /** The home of the Java running this JVM: the parent of the bin folder holding its java. */
    private static Path javaHome() {
        Optional<String> command = ProcessHandle.current().info().command();
        if (command.isPresent()) {
            Path java = Path.of(command.get()).toAbsolutePath();
            try {
                java = java.toRealPath();
            } catch (IOException e) {
                // keep the path as given
            }
            Path bin = java.getParent();
            if (bin != null && bin.getParent() != null
                    && Files.isExecutable(bin.getParent().resolve("bin").resolve("java"))) {
                return bin.getParent();
            }
        }
        return Path.of(System.getProperty("java.home"));
    }

    private static Path kcScript(Path kc) {
        Path script = kc.resolve("bin").resolve("kc.sh");
        if (!Files.isExecutable(script)) {
            script.toFile().setExecutable(true);
        }
        return script;
    }

    private void run(List<String> command, Path dir, String what) throws IOException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        int status = await(p, what);
        if (status != 0) {
            throw new IOException(what + " failed with exit code " + status + "; see " + log);
        }
    }

    private static int await(Process p, String what) throws IOException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        }
    }

    private void appendToLog(String line) throws IOException {
        Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void requireFree(int port, String what) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        } catch (IOException e) {
            throw new IOException("Keycloak " + what + " port " + LOOPBACK + ":" + port + " is already in use", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
