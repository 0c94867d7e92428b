package dev.atrium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.Postgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL server is found for the memory and CPU tables, though it is not this JVM's child. */
class RssTest {

    @TempDir
    Path home;

    @Test
    void findsTheStacksEmbeddedPostgresByItsDataDirectory() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Postgres postgres = Postgres.start(home.resolve("postgres"), port)) {
            long pid = Rss.embeddedPostgres(home).orElseThrow();
            assertThat(ProcessHandle.current().descendants().anyMatch(d -> d.pid() == pid))
                    .as("the postmaster is not among this JVM's descendants (pg_ctl started it and exited)").isFalse();
            assertThat(Rss.mib(pid)).as("its RSS with its backends").isPositive();
            assertThat(Rss.proportionalMib(pid)).as("its PSS with its backends: shared buffers counted once")
                    .isPositive().isLessThanOrEqualTo(Rss.mib(pid));
            assertThat(Cpu.snapshot(Map.of("postgres", pid)).get("postgres")).as("its CPU seconds").isNotNegative();
        }
    }

    @Test
    void nothingWithoutAPostmasterOrWhenThePidIsNotAPostgres() throws Exception {
        assertThat(Rss.embeddedPostgres(home)).as("no data directory").isEmpty();
        Files.createDirectories(home.resolve("postgres"));
        Files.writeString(home.resolve("postgres/postmaster.pid"), ProcessHandle.current().pid() + "\n/data\n");
        assertThat(Rss.postmasterPid(home.resolve("postgres"))).contains(ProcessHandle.current().pid());
        assertThat(Rss.embeddedPostgres(home)).as("this JVM's PID, not a postgres").isEmpty();
    }
}
