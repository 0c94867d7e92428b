package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.guardrail.application.port.in.ReconcileReservationsQuery;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.guardrail.application.port.in.ReleaseReservationUseCase;
import dev.atrium.guardrail.application.port.out.AdmissionLocks;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.ReservationAudit;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.budget.HeldAmounts;
import dev.atrium.guardrail.domain.budget.Hold;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.budget.Reconciliation;
import dev.atrium.guardrail.domain.budget.Reservation;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reservation protocol of R__reservation_protocol.sql and V6 on the real PostgreSQL: the database
 * refuses negative amounts, the reconciliation finds drift and only drift, and settlements commit durably.
 */
@QuarkusTest
class ReservationProtocolAdapterTest {

    @Inject
    AdmissionLocks locks;

    @Inject
    BudgetLedger ledger;

    @Inject
    RecordUsageUseCase usage;

    @Inject
    ReleaseReservationUseCase releases;

    @Inject
    ReconcileReservationsQuery reconcile;

    @Inject
    ReservationAudit audit;

    @Inject
    AgroalDataSource dataSource;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theDatabaseRefusesANegativeHoldSpendOrCount() throws SQLException {
        String org = "org_neg_" + run;
        SpendCounter daily = counter(org);
        String held = hold(org, "0.40", daily);

        assertRefused("UPDATE spend_counter SET reserved = reserved - 1 WHERE scope_id = '" + org + "'");
        assertRefused("UPDATE spend_counter SET spent = -0.01 WHERE scope_id = '" + org + "'");
        assertRefused("UPDATE credit_balance SET reserved = -0.01 WHERE organization_id = '" + org + "'");
        assertRefused("UPDATE reservation_hold SET amount = -0.40 WHERE reservation_id = '" + held + "'");
        assertRefused("INSERT INTO rate_counter (level, scope_id, minute_start, requests, tokens)"
                + " VALUES ('key', 'key_neg_" + run + "', now(), -1, 0)");

        // A hold that was given back behind the protocol's back: releasing it again would take more than is held.
        execute("UPDATE spend_counter SET reserved = 0 WHERE scope_id = '" + org + "'");
        assertThatThrownBy(() -> releases.release(held)).hasStackTraceContaining("spend_counter_not_negative");
        assertThat(count("SELECT count(*) FROM reservation WHERE id = '" + held + "'"))
                .as("the failed release left the reservation as it was").isEqualTo(1);
        execute("UPDATE spend_counter SET reserved = 0.40 WHERE scope_id = '" + org + "'");
        assertThat(releases.release(held)).isTrue();
    }

    @Test
    void theReconciliationFindsNoDriftAfterHoldsSettlementsAndReleases() {
        String org = "org_rec_" + run;
        SpendCounter daily = counter(org);
        String settled = hold(org, "0.40", daily);
        String released = hold(org, "0.25", daily);
        String open = hold(org, "0.10", daily);

        HeldAmounts whileOpen = line(org).orElseThrow();
        assertThat(whileOpen.held()).as("credit row + counter").isEqualByComparingTo("1.50");
        assertThat(whileOpen.openReservations()).isEqualByComparingTo("1.50");
        assertThat(whileOpen.drift()).isEqualByComparingTo("0");

        assertThat(usage.recordAll(List.of(RecordUsageCommand.of("gen_" + run, "key_" + run, "ws_" + run, org, null,
                settled, new BigDecimal("0.05"), false, Instant.now())))).isEqualTo(1);
        assertThat(releases.release(released)).isTrue();
        assertThat(releases.release(released)).as("a second release gives nothing back").isFalse();

        Reconciliation after = reconcile.reconcile();
        HeldAmounts line = line(org).orElseThrow();
        assertThat(line.held()).isEqualByComparingTo("0.20");
        assertThat(line.openReservations()).isEqualByComparingTo("0.20");
        assertThat(line.drifted()).isFalse();
        assertThat(after.drifting()).extracting(HeldAmounts::organizationId).doesNotContain(org);
        assertThat(releases.release(open)).isTrue();
        assertThat(line(org)).as("nothing held, nothing open").isEmpty();
    }

    @Test
    void theReconciliationNamesAnOrganizationWhoseHeldAmountsDrifted() throws SQLException {
        String org = "org_drift_" + run;
        SpendCounter daily = counter(org);
        String open = hold(org, "0.30", daily);
        execute("UPDATE credit_balance SET reserved = reserved + 0.07 WHERE organization_id = '" + org + "'");
        execute("UPDATE spend_counter SET reserved = reserved - 0.02 WHERE scope_id = '" + org + "'");

        Reconciliation r = reconcile.reconcile();

        HeldAmounts line = r.drifting().stream().filter(h -> h.organizationId().equals(org)).findFirst()
                .orElseThrow(() -> new AssertionError("no drift found for " + org + " in " + r));
        assertThat(line.held()).isEqualByComparingTo("0.65");
        assertThat(line.openReservations()).isEqualByComparingTo("0.60");
        assertThat(line.drift()).as("|+0.07| + |-0.02|, not their sum").isEqualByComparingTo("0.09");
        assertThat(r.organizationsWithDrift()).isGreaterThanOrEqualTo(1);
        assertThat(r.drift()).isGreaterThanOrEqualTo(new BigDecimal("0.09"));

        // Put back, so other tests see balanced books.
        execute("UPDATE credit_balance SET reserved = reserved - 0.07 WHERE organization_id = '" + org + "'");
        execute("UPDATE spend_counter SET reserved = reserved + 0.02 WHERE scope_id = '" + org + "'");
        assertThat(releases.release(open)).isTrue();
        assertThat(line(org)).isEmpty();
    }

    /** Whatever the session asked for, a settlement waits for the disk: its Kafka offset is committed after it. */
    @Test
    void aSettlementCommitsDurablyEvenInATransactionThatAskedOtherwise() {
        String org = "org_durable_" + run;
        String held = hold(org, "0.10", counter(org));
        String setting = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
                usage.recordAll(List.of(RecordUsageCommand.of("gen_d_" + run, "key_" + run, "ws_" + run, org, null,
                        held, new BigDecimal("0.01"), false, Instant.now())));
                try (ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(setting).isEqualTo("on");
    }

    /** A new organization's zero balance is replaced by billing's balance, whichever revision comes. */
    @Test
    void billingsBalanceReplacesTheZeroOfANewOrganization() {
        String org = "org_open_" + run;
        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.openCredit(org))).isTrue();
        assertThat(ledger.credit(org).orElseThrow().balance()).isEqualByComparingTo("0");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.updateBalance(org, new BigDecimal("7"), 0)))
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.openCredit(org))).isFalse();
        assertThat(ledger.credit(org).orElseThrow().balance()).isEqualByComparingTo("7");
    }

    /** Without a known balance the hold refuses any positive credit hold and writes nothing. */
    @Test
    void aHoldForAnOrganizationWithoutAKnownBalanceIsRefused() {
        String org = "org_none_" + run;
        SpendCounter daily = counter(org);
        Reservation r = reservation(org, "0.10", daily);
        var locked = locks.lock(new AdmissionLocks.Request(true, new TreeSet<>(), 0, new TreeSet<>(List.of(daily)),
                org, r));
        assertThat(locked.held()).isFalse();
        assertThat(locked.credit()).isNull();
        assertThat(count("SELECT count(*) FROM reservation WHERE organization_id = '" + org + "'")).isZero();
    }

    /** Holds on the organization's daily counter and its credit, as a check's admission takes them. */
    private String hold(String org, String amount, SpendCounter counter) {
        if (ledger.credit(org).isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("100"), 1));
        }
        Reservation r = reservation(org, amount, counter);
        var locked = locks.lock(new AdmissionLocks.Request(true, new TreeSet<>(), 0, new TreeSet<>(List.of(counter)),
                org, r));
        assertThat(locked.held()).isTrue();
        return r.id();
    }

    private static Reservation reservation(String org, String amount, SpendCounter counter) {
        return new Reservation("res_" + UUID.randomUUID().toString().replace("-", ""), org,
                List.of(new Hold(counter, new BigDecimal(amount))), new BigDecimal(amount), Instant.now(),
                Instant.now().plus(Duration.ofHours(1)));
    }

    private static SpendCounter counter(String org) {
        return SpendCounter.of(PolicyScope.organization(org), BudgetWindow.DAILY, Instant.now());
    }

    /** The organization's line among every organization's, drifting or not. */
    private Optional<HeldAmounts> line(String org) {
        return audit.heldByOrganization().stream().filter(h -> h.organizationId().equals(org)).findFirst();
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> execute(sql)).isInstanceOf(SQLException.class).hasMessageContaining("violates check");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
