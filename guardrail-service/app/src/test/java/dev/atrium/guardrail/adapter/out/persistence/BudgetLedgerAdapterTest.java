package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.out.BudgetLedger;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A check's transaction commits without waiting for the disk; the setting never outlives it. */
@QuarkusTest
class BudgetLedgerAdapterTest {

    @Inject
    BudgetLedger ledger;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onlyTheTransactionThatAsksCommitsWithoutWaitingForTheDisk() {
        // The test server's own default is off (embedded PostgreSQL): make this session durable first.
        Setting inside = QuarkusTransaction.requiringNew().call(() -> {
            execute("SET synchronous_commit = on");
            ledger.commitWithoutWaitingForDisk();
            return current();
        });
        assertThat(inside.value()).isEqualTo("off");

        List<Setting> after = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Setting s = QuarkusTransaction.requiringNew().call(this::current);
            if (s.backend() == inside.backend()) {
                after.add(s);
            }
        }
        assertThat(after).as("later transactions on the same pooled connection").isNotEmpty()
                .allSatisfy(s -> assertThat(s.value()).isEqualTo("on"));
    }

    private record Setting(int backend, String value) {
    }

    private Setting current() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), current_setting('synchronous_commit')")) {
            rs.next();
            return new Setting(rs.getInt(1), rs.getString(2));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
