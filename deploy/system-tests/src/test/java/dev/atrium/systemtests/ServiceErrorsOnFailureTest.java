package dev.atrium.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Plain JUnit: what a failed system test adds to its message from the services' logs. */
class ServiceErrorsOnFailureTest {

    @TempDir
    Path logs;

    @Test
    void namesTheErrorsLoggedSinceTheTestBeganWithTheirCauses() throws Exception {
        Path guardrail = logs.resolve("guardrail.log");
        Files.writeString(guardrail, "10:00:00,000 ERROR [dev.atr.com.err.Errors] (executor-thread-1) Unhandled failure:"
                + " before the test\n");
        Map<Path, Long> offsets = ServiceErrorsOnFailure.sizes(logs);
        Files.writeString(guardrail, """
                10:00:01,000 INFO  [io.quarkus] (main) started
                10:00:02,000 ERROR [dev.atr.com.err.Errors] (executor-thread-7) Unhandled failure: org.hibernate.exception.GenericJDBCException: Unable to acquire JDBC Connection
                \tat org.hibernate.Session.doWork(Session.java:1)
                Caused by: java.sql.SQLException: Sorry, acquisition timeout!
                \tat io.agroal.pool.ConnectionPool.getConnection(ConnectionPool.java:1)
                10:00:03,000 WARN  [io.agr.pool] (agroal-11) Datasource '<default>': Closing connection
                Caused by: not an error's cause
                """, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(logs.resolve("guardrail-4242.log"), "10:00:02,500 ERROR [x] (y) a replica started after\n");

        assertThat(ServiceErrorsOnFailure.errorsSince(logs, offsets)).containsExactly(
                "  guardrail-4242: 10:00:02,500 ERROR [x] (y) a replica started after",
                "  guardrail: 10:00:02,000 ERROR [dev.atr.com.err.Errors] (executor-thread-7) Unhandled failure:"
                        + " org.hibernate.exception.GenericJDBCException: Unable to acquire JDBC Connection",
                "    Caused by: java.sql.SQLException: Sorry, acquisition timeout!");
    }

    @Test
    void aFailureCarriesTheErrorsAndASkippedTestStaysSkipped() {
        AssertionError failed = new AssertionError("expected: 200 but was: 500");
        Throwable named = ServiceErrorsOnFailure.named(failed, List.of("  guardrail: 10:00:02,000 ERROR boom"));
        assertThat(named).isInstanceOf(AssertionError.class).hasCause(failed)
                .hasMessage("expected: 200 but was: 500\nThe services logged meanwhile:\n"
                        + "  guardrail: 10:00:02,000 ERROR boom");
        TestAbortedException skipped = new TestAbortedException("no chromium");
        assertThat(ServiceErrorsOnFailure.named(skipped, List.of("  x: ERROR"))).isSameAs(skipped);
        assertThat(ServiceErrorsOnFailure.named(failed, List.of())).isSameAs(failed);
    }
}
