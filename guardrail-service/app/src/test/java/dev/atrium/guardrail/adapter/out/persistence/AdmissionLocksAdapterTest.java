package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.out.AdmissionLocks;
import dev.atrium.guardrail.application.port.out.AdmissionLocks.Locked;
import dev.atrium.guardrail.application.port.out.AdmissionLocks.Request;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.domain.BudgetWindow;
import dev.atrium.guardrail.domain.PolicyScope;
import dev.atrium.guardrail.domain.RateCounter;
import dev.atrium.guardrail.domain.RateState;
import dev.atrium.guardrail.domain.Reservation;
import dev.atrium.guardrail.domain.SpendCounter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The check's locks in one call of {@code admission_lock}: the rows as they stood before the request,
 * the request counted, and a commit setting that never outlives the transaction.
 */
@QuarkusTest
class AdmissionLocksAdapterTest {

    @Inject
    AdmissionLocks locks;

    @Inject
    BudgetLedger ledger;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Jdbc jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void returnsEveryLockedRowAsItStoodAndCountsTheRequest() {
        Instant at = Instant.parse("2026-03-14T09:26:53Z");
        String org = "org_locks_" + run;
        RateCounter orgRate = RateCounter.of(PolicyScope.organization(org), at);
        RateCounter keyRate = RateCounter.of(PolicyScope.key("key_locks_" + run), at);
        SpendCounter daily = SpendCounter.of(PolicyScope.organization(org), BudgetWindow.DAILY, at);
        SpendCounter monthly = SpendCounter.of(PolicyScope.workspace("ws_locks_" + run), BudgetWindow.MONTHLY, at);
        QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("12.5"), 1));
        Request request = new Request(false, new TreeSet<>(List.of(orgRate, keyRate)), 300,
                new TreeSet<>(List.of(daily, monthly)), org);

        Locked first = QuarkusTransaction.requiringNew().call(() -> locks.lock(request));
        Locked second = QuarkusTransaction.requiringNew().call(() -> locks.lock(request));

        assertThat(first.rates()).containsOnlyKeys(orgRate, keyRate).allSatisfy((c, s) ->
                assertThat(s).isEqualTo(RateState.EMPTY));
        assertThat(second.rates()).as("the first request was counted").containsOnlyKeys(orgRate, keyRate)
                .allSatisfy((c, s) -> assertThat(s).isEqualTo(new RateState(1, 300)));
        assertThat(first.counters()).containsOnlyKeys(daily, monthly).allSatisfy((c, s) -> {
            assertThat(s.spent()).isEqualByComparingTo("0");
            assertThat(s.reserved()).isEqualByComparingTo("0");
        });
        assertThat(second.counters()).containsOnlyKeys(daily, monthly);
        assertThat(second.credit().balance()).isEqualByComparingTo("12.5");
        assertThat(second.credit().reserved()).isEqualByComparingTo("0");
    }

    @Test
    void anOrganizationWithoutABalanceLocksNoCreditAndNothingAskedLocksNothing() {
        Locked locked = QuarkusTransaction.requiringNew().call(() -> locks.lock(new Request(false, new TreeSet<>(),
                0, new TreeSet<>(), "org_unknown_" + run)));

        assertThat(locked.rates()).isEmpty();
        assertThat(locked.counters()).isEmpty();
        assertThat(locked.credit()).isNull();
    }

    /**
     * The credit row is read, not locked: another check may hold credit meanwhile without waiting for
     * this transaction, and the hold then refuses what the credit no longer covers.
     */
    @Test
    void theCreditIsReadNotLockedAndTheHoldRefusesWhatOthersHeldSince() {
        String org = "org_race_" + run;
        String reservation = "res_race_" + run;
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("1"), 1));

        QuarkusTransaction.begin();
        try {
            Locked locked = locks.lock(new Request(false, new TreeSet<>(), 0, new TreeSet<>(), org));
            assertThat(locked.credit().available()).isEqualByComparingTo("1");
            // Fails within a second, rather than waiting for ever, if the read had locked the row.
            QuarkusTransaction.requiringNew().run(() -> {
                jdbc.update("SET LOCAL lock_timeout = '1s'");
                assertThat(jdbc.update("UPDATE credit_balance SET reserved = 0.9 WHERE organization_id = ?", org))
                        .isEqualTo(1);
            });

            assertThat(ledger.hold(new Reservation(reservation, org, List.of(), new BigDecimal("0.5"), now,
                    now.plusSeconds(600)))).isFalse();
            assertThat(ledger.hold(new Reservation(reservation + "_small", org, List.of(), new BigDecimal("0.1"),
                    now, now.plusSeconds(600)))).as("what is still covered").isTrue();
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(ledger.credit(org).orElseThrow().reserved()).isEqualByComparingTo("0.9");
    }

    @Test
    void aRefusedChecksRollbackTakesItsCountsBack() {
        Instant at = Instant.now();
        RateCounter rate = RateCounter.of(PolicyScope.workspace("ws_rollback_" + run), at);
        Request request = new Request(false, new TreeSet<>(List.of(rate)), 10, new TreeSet<>(), null);

        QuarkusTransaction.begin();
        assertThat(locks.lock(request).rates()).containsOnlyKeys(rate);
        QuarkusTransaction.rollback();
        Locked after = QuarkusTransaction.requiringNew().call(() -> locks.lock(request));

        assertThat(after.rates().get(rate)).isEqualTo(RateState.EMPTY);
    }

    @Test
    void onlyTheTransactionThatAsksCommitsWithoutWaitingForTheDisk() {
        // The test server's own default is off (embedded PostgreSQL): make this session durable first.
        Setting inside = QuarkusTransaction.requiringNew().call(() -> {
            execute("SET synchronous_commit = on");
            locks.lock(new Request(true, new TreeSet<>(), 0, new TreeSet<>(), null));
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
