package dev.atrium.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The whole suite on one machine: PostgreSQL, Kafka, Keycloak, the provider simulator and the five
 * services, on the ports given, with data and logs under {@code home}. {@code ./atrium} and the
 * system tests both start it through this class.
 */
public final class Stack implements AutoCloseable {

    public static final List<String> DATABASES = List.of("workspace", "guardrail", "routing", "billing");
    static final String SIMULATOR_KEY = "sim-local-key";

    /** Keycloak, the slowest, is ready ~31 s after a restart on its existing data; busy machines take longer. */
    static final Duration RESTART_TIMEOUT = Duration.ofSeconds(300);

    private final Path root;
    private final Path home;
    private final Ports ports;
    private final ExternalDatabase externalDb;
    private final Consumer<String> progress;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Long> launchedAt = new LinkedHashMap<>();
    private final Map<String, ProcessStarter> starters = new LinkedHashMap<>();
    private final Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
    private final Map<Integer, Integer> replicaManagement = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> extraSettings = new LinkedHashMap<>();
    private Postgres postgres;
    /** The embedded PostgreSQL was killed through {@link #kill}: it stays down until {@link #restart}. */
    private boolean postgresStopped;
    private String otlpEndpoint = System.getenv("ATRIUM_OTLP_ENDPOINT");

    /**
     * @param root the repository root (the services' packaged jars are found under it)
     * @param home where data, logs and PID files go
     */
    public Stack(Path root, Path home, Ports ports, ExternalDatabase externalDb, Consumer<String> progress) {
        this.root = root.toAbsolutePath();
        this.home = home.toAbsolutePath();
        this.ports = ports;
        this.externalDb = externalDb;
        this.progress = progress;
    }

    /**
     * Every service exports its traces to this OTLP/HTTP endpoint (like {@code http://127.0.0.1:4318});
     * by default {@code $ATRIUM_OTLP_ENDPOINT}; none leaves tracing off.
     */
    public Stack otlpEndpoint(String endpoint) {
        this.otlpEndpoint = endpoint;
        return this;
    }

    /**
     * One more setting for a service (for tests: a shorter hold expiry, say); set before {@link #start()},
     * it wins over the launcher's own.
     */
    public Stack setting(String service, String key, String value) {
        extraSettings.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    public Ports ports() {
        return ports;
    }

    public Path home() {
        return home;
    }

    public Path log(String component) {
        return home.resolve("logs").resolve(component + ".log");
    }

    public String keycloakUrl() {
        return ports.url(ports.keycloak());
    }

    /** Starts every component and waits until each is healthy; on failure stops what it started. */
    public void start() {
        try {
            checkPortsFree();
            Files.createDirectories(home.resolve("pids"));
            startDatabase();
            KafkaBroker kafka = new KafkaBroker(home.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                    log("kafka"));
            KeycloakServer keycloak = new KeycloakServer(home.resolve("keycloak"), LocalBuild.keycloakDist(),
                    root.resolve("deploy/keycloak/atrium-realm.json"),
                    root.resolve("deploy/local/keycloak/atrium-realm-local.json"), ports.keycloak(),
                    ports.keycloakManagement(),
                    log("keycloak"));
            launch("kafka", kafka::start);
            launch("simulator", this::startSimulator);
            launch("keycloak", keycloak::start);
            await("simulator", () -> httpOk(ports.url(ports.simulator()) + "/health"), Duration.ofSeconds(60));
            await("kafka", kafka::isReady, Duration.ofSeconds(120));
            await("keycloak", keycloak::isReady, Duration.ofSeconds(300));
            List<ServiceProcess> backends = List.of(service("workspace", ports.workspace()),
                    service("guardrail", ports.guardrail()), service("routing", ports.routing()),
                    service("billing", ports.billing()));
            for (ServiceProcess s : backends) {
                launch(s.name(), s::start);
            }
            for (ServiceProcess s : backends) {
                // A service's first start took up to 180 s on a loaded 2-core machine: the wait is a bound, not a pace.
                await(s.name(), s::isReady, Duration.ofSeconds(300));
            }
            ServiceProcess gateway = service("gateway", ports.gateway());
            launch("gateway", gateway::start);
            await("gateway", gateway::isReady, Duration.ofSeconds(120));
            ServiceProcess console = service("console", ports.console());
            launch("console", console::start);
            await("console", console::isReady, Duration.ofSeconds(120));
        } catch (RuntimeException | IOException | InterruptedException e) {
            close();
            if (e instanceof ComponentFailure failure) {
                throw failure;
            }
            throw new ComponentFailure("stack", null, e.toString());
        }
    }

    private void checkPortsFree() {
        Map<String, Integer> fixed = new LinkedHashMap<>();
        fixed.put("gateway", ports.gateway());
        fixed.put("workspace", ports.workspace());
        fixed.put("guardrail", ports.guardrail());
        fixed.put("routing", ports.routing());
        fixed.put("billing", ports.billing());
        fixed.put("gateway management", ports.gatewayManagement());
        fixed.put("workspace management", ports.workspaceManagement());
        fixed.put("guardrail management", ports.guardrailManagement());
        fixed.put("routing management", ports.routingManagement());
        fixed.put("billing management", ports.billingManagement());
        fixed.put("console", ports.console());
        fixed.put("console management", ports.consoleManagement());
        fixed.put("simulator", ports.simulator());
        fixed.put("keycloak", ports.keycloak());
        fixed.put("keycloak management", ports.keycloakManagement());
        fixed.put("kafka", ports.kafka());
        fixed.put("kafka controller", ports.kafkaController());
        if (externalDb == null) {
            fixed.put("postgres", ports.postgres());
        }
        fixed.forEach((name, port) -> {
            if (FreePorts.isTaken(port)) {
                throw new ComponentFailure(name.split(" ")[0], null, "port " + port + " on 127.0.0.1 is already in "
                        + "use; stop what holds it (or run ./atrium down)");
            }
        });
    }

    private void startDatabase() throws IOException {
        long started = System.nanoTime();
        try {
            if (externalDb == null) {
                postgres = Postgres.start(home.resolve("postgres"), ports.postgres());
                for (String db : DATABASES) {
                    postgres.createDatabaseIfMissing("atrium_" + db);
                }
            } else {
                externalDb.createDatabasesIfMissing(DATABASES);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            throw new ComponentFailure("postgres", home.resolve("postgres"), e.getMessage());
        }
        progress.accept(String.format("postgres   ready (%.1f s)", (System.nanoTime() - started) / 1e9));
    }

    private String jdbcUrl(String service) {
        return externalDb != null ? externalDb.jdbcUrl("atrium_" + service) : postgres.jdbcUrl("atrium_" + service);
    }

    private Process startSimulator() throws IOException {
        Files.createDirectories(log("simulator").getParent());
        return new ProcessBuilder(LocalBuild.javaExecutable(), "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                LocalBuild.runtimeClasspath(), "dev.atrium.local.simulator.ProviderSimulator", "--port",
                String.valueOf(ports.simulator()), "--host", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log("simulator").toFile()))
                .start();
    }

    /**
     * Starts one more instance of a service on a free port (and a free management port, see
     * {@link #managementPort(int)}), sharing the stack's database and Kafka (for tests of several
     * instances); it is stopped with the stack. Its log is {@code <name>-<port>.log}.
     */
    public synchronized int startReplica(String name) {
        int port = FreePorts.next();
        int management = FreePorts.next();
        String replica = name + "-" + port;
        replicaManagement.put(port, management);
        ServiceProcess base = service(name, port);
        Map<String, String> settings = new LinkedHashMap<>(base.settings());
        // Its own Kafka consumer identity: two members with one group.instance.id fence each other.
        settings.put("atrium.instance-id", "local-" + replica);
        if (name.equals("gateway")) {
            // A spool is one process's: a replica sharing the first gateway's would resend its records.
            settings.put("atrium.gateway.spool-dir", home.resolve("gateway-spool-" + port).toString());
        }
        ServiceProcess process = new ServiceProcess(replica, base.jar(), port, management, settings, log(replica));
        try {
            launch(replica, process::start);
        } catch (IOException | InterruptedException e) {
            throw new ComponentFailure(replica, log(replica), e.toString());
        }
        await(replica, process::isReady, Duration.ofSeconds(180));
        return port;
    }

    /** The management port (health, metrics) of the service or replica on this public port. */
    public synchronized int managementPort(int servicePort) {
        Integer replica = replicaManagement.get(servicePort);
        return replica != null ? replica : ports.management(servicePort);
    }

    private ServiceProcess service(String name, int port) {
        String module = name.equals("gateway") || name.equals("console") ? "gateway" : name + "-service";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", "127.0.0.1:" + ports.kafka());
        // One stable Kafka consumer identity per process: a restarted service takes its partitions back at once.
        settings.put("atrium.instance-id", "local-" + name);
        settings.put("quarkus.oidc.auth-server-url", keycloakUrl() + "/realms/" + KeycloakServer.REALM);
        if (DATABASES.contains(name)) {
            settings.put("quarkus.datasource.jdbc.url", jdbcUrl(name));
            settings.put("quarkus.datasource.username", externalDb != null ? externalDb.user() : Postgres.USER);
            settings.put("quarkus.datasource.password", externalDb != null ? externalDb.password() : Postgres.PASSWORD);
        }
        // The console makes no spans of its own (it has no tracing extension).
        if (otlpEndpoint != null && !otlpEndpoint.isBlank() && !name.equals("console")) {
            settings.put("quarkus.otel.sdk.disabled", "false");
            settings.put("quarkus.otel.exporter.otlp.endpoint", otlpEndpoint);
            settings.put("quarkus.otel.bsp.schedule.delay", "1s");
        }
        if (name.equals("workspace") || name.equals("gateway")) {
            // The local stack's receivers (system tests, demos) listen on loopback over plain http.
            settings.put("atrium.observability.allow-http", "true");
            settings.put("atrium.observability.allowed-private-hosts", "127.0.0.0/8,::1,localhost");
        }
        if (name.equals("workspace")) {
            settings.put("atrium.keycloak.url", keycloakUrl());
        } else if (!name.equals("gateway")) {
            // Management keys are resolved by workspace-service (docs/adr/0022-management-keys.md).
            settings.put("atrium.security.management-keys.workspace-url", ports.url(ports.workspace()));
        }
        if (name.equals("guardrail")) {
            settings.put("atrium.guardrail.routing-url", ports.url(ports.routing()));
        }
        if (name.equals("routing")) {
            settings.put("atrium.catalog.provider-base-url-template", ports.url(ports.simulator()) + "/p/{provider}");
        }
        if (name.equals("gateway")) {
            settings.put("atrium.gateway.workspace-url", ports.url(ports.workspace()));
            settings.put("atrium.gateway.guardrail-url", ports.url(ports.guardrail()));
            settings.put("atrium.gateway.routing-url", ports.url(ports.routing()));
            settings.put("atrium.gateway.billing-url", ports.url(ports.billing()));
            settings.put("atrium.gateway.service-account.token-url",
                    keycloakUrl() + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token");
            settings.put("atrium.gateway.default-provider-key", SIMULATOR_KEY);
            settings.put("atrium.gateway.spool-dir", home.resolve("gateway-spool").toString());
        }
        if (name.equals("console")) {
            // The console calls the services' public APIs with the signed-in user's token (docs/console.md).
            settings.put("atrium.console.workspace-url", ports.url(ports.workspace()));
            settings.put("atrium.console.guardrail-url", ports.url(ports.guardrail()));
            settings.put("atrium.console.routing-url", ports.url(ports.routing()));
            settings.put("atrium.console.billing-url", ports.url(ports.billing()));
            settings.put("atrium.console.gateway-url", ports.url(ports.gateway()));
        }
        settings.putAll(extraSettings.getOrDefault(name, Map.of()));
        String app = name.equals("console") ? "console" : "app";
        return new ServiceProcess(name, root.resolve(module).resolve(app + "/target/quarkus-app/quarkus-run.jar"), port,
                managementPort(port), settings, log(name));
    }

    private void launch(String name, ProcessStarter starter) throws IOException, InterruptedException {
        launchedAt.put(name, System.nanoTime());
        starters.put(name, starter);
        Process process = starter.start();
        processes.put(name, process);
        Files.writeString(home.resolve("pids").resolve(name + ".pid"), String.valueOf(process.pid()));
    }

    private void await(String name, BooleanSupplier ready, Duration timeout) {
        readiness.put(name, ready);
        long started = launchedAt.getOrDefault(name, System.nanoTime());
        Process process = processes.get(name);
        if (!Waits.until(ready, process, timeout)) {
            String why = process != null && !process.isAlive() ? "exited with code " + process.exitValue()
                    : "not ready after " + timeout.toSeconds() + " s";
            throw new ComponentFailure(name, log(name), why);
        }
        progress.accept(String.format("%-10s ready (%.1f s)", name, (System.nanoTime() - started) / 1e9));
    }

    static boolean httpOk(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops one component, as an outage would (for failure tests). */
    public synchronized void stop(String name) {
        Process process = processes.remove(name);
        if (process == null) {
            throw new IllegalArgumentException("No running component " + name);
        }
        stop(process);
    }

    /**
     * Kills one component without warning (SIGKILL), as a crash or an OOM kill would (for failure tests).
     * {@code postgres} (the embedded server only) is its postmaster and every backend.
     */
    public synchronized void kill(String name) {
        if (name.equals("postgres") && postgres != null) {
            postgresStopped = true;
            postgres.kill();
            return;
        }
        Process process = processes.remove(name);
        if (process == null) {
            throw new IllegalArgumentException("No running component " + name);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a component stopped with {@link #stop(String)} again, and waits until it is ready. */
    public synchronized void restart(String name) {
        if (name.equals("postgres") && externalDb == null) {
            postgresStopped = false;
            try {
                startDatabase();
            } catch (IOException e) {
                throw new ComponentFailure(name, home.resolve("postgres"), e.toString());
            }
            return;
        }
        try {
            launch(name, starters.get(name));
        } catch (IOException | InterruptedException e) {
            throw new ComponentFailure(name, log(name), e.toString());
        }
        // As long as a first start may take: a restart on a busy machine took over 120 s.
        await(name, readiness.get(name), Duration.ofSeconds(180));
    }

    /**
     * Starts again every component whose process exited without being stopped through this stack (a crash,
     * a kill -9, an OOM kill), each waited for until ready, and says so through the progress lines; one
     * stopped with {@link #stop(String)} or {@link #kill(String)} stays down. The launcher calls it every
     * second while the stack runs; the embedded PostgreSQL too (its postmaster gone, it restarts with crash
     * recovery, and the services reconnect by themselves). Returns the components started again.
     */
    public synchronized List<String> restartExited() {
        List<String> restarted = new ArrayList<>();
        if (postgres != null && !postgresStopped && !postgres.isRunning()) {
            // The embedded server runs in processes of its own (postmaster and backends), not in this map.
            progress.accept("postgres   exited; starting it again (crash recovery from its WAL)");
            try {
                postgres.close(); // releases the data folder's lock; there is nothing left to stop
            } catch (IOException ignored) {
                // the server is gone already
            }
            try {
                startDatabase();
            } catch (IOException e) {
                throw new ComponentFailure("postgres", home.resolve("postgres"), e.toString());
            }
            restarted.add("postgres");
        }
        List<String> exited = processes.entrySet().stream().filter(e -> !e.getValue().isAlive())
                .map(Map.Entry::getKey).toList();
        restarted.addAll(exited);
        for (String name : exited) {
            Process gone = processes.remove(name);
            progress.accept(String.format("%-10s exited (code %d); starting it again", name, gone.exitValue()));
            try {
                launch(name, starters.get(name));
            } catch (IOException | InterruptedException e) {
                throw new ComponentFailure(name, log(name), e.toString());
            }
            await(name, readiness.get(name), RESTART_TIMEOUT);
        }
        return restarted;
    }

    /** Starts the embedded PostgreSQL alone, as {@link #start()} does first (for tests of supervision). */
    synchronized void startDatabaseAlone() throws IOException {
        startDatabase();
    }

    /** Starts one component under this stack's care, as {@link #start()} starts each (for tests of supervision). */
    synchronized void startComponent(String name, ProcessStarter starter, BooleanSupplier ready) {
        try {
            Files.createDirectories(home.resolve("pids"));
            launch(name, starter);
        } catch (IOException | InterruptedException e) {
            throw new ComponentFailure(name, log(name), e.toString());
        }
        await(name, ready, RESTART_TIMEOUT);
    }

    /**
     * Stops exactly what this stack started: all asked at once (newest first), then each waited for, so a
     * JVM that closes the stack on its way out finishes before anything forcibly ends it.
     */
    @Override
    public synchronized void close() {
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        Map<String, List<ProcessHandle>> children = new LinkedHashMap<>();
        for (String name : names) {
            Process process = processes.get(name);
            children.put(name, process.descendants().toList());
            process.destroy();
        }
        for (String name : names) {
            Process process = processes.remove(name);
            stop(process);
            children.get(name).stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            try {
                Files.deleteIfExists(home.resolve("pids").resolve(name + ".pid"));
            } catch (IOException ignored) {
                // a stale PID file is harmless: status checks the process too
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // it was going down anyway
            }
            postgres = null;
        }
    }

    static void stop(Process process) {
        // SIGTERM first: kc.sh passes it on to Keycloak's JVM, Quarkus and Kafka shut down cleanly.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @FunctionalInterface
    interface ProcessStarter {
        Process start() throws IOException, InterruptedException;
    }

    /** A PostgreSQL server the user runs: {@code ATRIUM_DB_URL} like {@code jdbc:postgresql://host:5432}. */
    public record ExternalDatabase(String url, String user, String password) {

        public static ExternalDatabase fromEnvironment() {
            String url = System.getenv("ATRIUM_DB_URL");
            if (url == null || url.isBlank()) {
                return null;
            }
            return new ExternalDatabase(url.replaceAll("/+$", ""),
                    System.getenv().getOrDefault("ATRIUM_DB_USER", "postgres"),
                    System.getenv().getOrDefault("ATRIUM_DB_PASSWORD", "postgres"));
        }

        String jdbcUrl(String database) {
            return url + "/" + database;
        }

        void createDatabasesIfMissing(List<String> services) throws SQLException {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                    Statement s = c.createStatement()) {
                for (String service : services) {
                    try (ResultSet rs = s.executeQuery(
                            "SELECT 1 FROM pg_database WHERE datname = 'atrium_" + service + "'")) {
                        if (!rs.next()) {
                            s.execute("CREATE DATABASE atrium_" + service);
                        }
                    }
                }
            }
        }
    }
}
