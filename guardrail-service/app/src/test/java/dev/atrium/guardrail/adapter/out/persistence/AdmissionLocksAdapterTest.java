package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.guardrail.application.port.out.AdmissionLocks;
import dev.atrium.guardrail.application.port.out.AdmissionLocks.Locked;
import dev.atrium.guardrail.application.port.out.AdmissionLocks.Request;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.budget.Hold;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.rate.RateCounter;
import dev.atrium.guardrail.domain.rate.RateState;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The check's locks and hold in one call of {@code admission}: the rows as they stood before the request,
 * the request counted, the hold taken, and a commit setting that never outlives the transaction.
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
                assertThat(counts(s)).isEqualTo(counts(RateState.EMPTY)));
        assertThat(second.rates()).as("the first request was counted").containsOnlyKeys(orgRate, keyRate)
                .allSatisfy((c, s) -> assertThat(counts(s)).isEqualTo(counts(new RateState(1, 300))));
        assertThat(first.counters()).containsOnlyKeys(daily, monthly).allSatisfy((c, s) -> {
            assertThat(s.spent()).isEqualByComparingTo("0");
            assertThat(s.reserved()).isEqualByComparingTo("0");
        });
        assertThat(second.counters()).containsOnlyKeys(daily, monthly);
        assertThat(second.credit().balance()).isEqualByComparingTo("12.5");
        assertThat(second.credit().reserved()).isEqualByComparingTo("0");
    }

    @Test
    void aRateRowAnswersItsWholeSlidingWindowAndWhenItsOldestBucketStarted() {
        Instant at = Instant.parse("2026-03-14T09:26:53Z");
        PolicyScope key = PolicyScope.key("key_window_" + run);
        Locked first = lockRate(key, at, 5);
        Locked later = lockRate(key, at.plusSeconds(30), 7);
        Locked peeked = QuarkusTransaction.requiringNew().call(() -> locks.peek(rateOnly(key, at.plusSeconds(40), 0)));
        Locked past = lockRate(key, at.plusSeconds(77), 1);

        assertThat(counts(first.rates().get(RateCounter.of(key, at)))).isEqualTo(List.of(0L, 0L));
        RateState window = later.rates().get(RateCounter.of(key, at.plusSeconds(30)));
        assertThat(counts(window)).as("the bucket of 09:26:50, 30 s earlier, is in the window").isEqualTo(List.of(1L, 5L));
        assertThat(window.oldest()).isEqualTo(Instant.parse("2026-03-14T09:26:50Z"));
        assertThat(counts(peeked.rates().get(RateCounter.of(key, at.plusSeconds(40))))).as("a dry run sums the same")
                .isEqualTo(List.of(2L, 12L));
        assertThat(counts(past.rates().get(RateCounter.of(key, at.plusSeconds(77)))))
                .as("09:26:50 has left the window of 09:28:10; 09:27:20 has not").isEqualTo(List.of(1L, 7L));
    }

    private Locked lockRate(PolicyScope scope, Instant at, long tokens) {
        return QuarkusTransaction.requiringNew().call(() -> locks.lock(rateOnly(scope, at, tokens)));
    }

    private static Request rateOnly(PolicyScope scope, Instant at, long tokens) {
        return new Request(false, new TreeSet<>(List.of(RateCounter.of(scope, at))), tokens, new TreeSet<>(), null);
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

            assertThat(locks.lock(holding(org, reservation, "0.5", now)).held()).isFalse();
            assertThat(locks.lock(holding(org, reservation + "_small", "0.1", now)).held())
                    .as("what is still covered").isTrue();
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(ledger.credit(org).orElseThrow().reserved()).isEqualByComparingTo("0.9");
    }

    /** Called as the check calls it, outside a transaction: the call commits, and a refusal takes back its own. */
    @Test
    void theHoldIsTakenInTheSameCallAfterTheRowsAreReadAndARefusalTakesItBack() {
        Instant at = Instant.now();
        String org = "org_hold_" + run;
        SpendCounter daily = SpendCounter.of(PolicyScope.organization(org), BudgetWindow.DAILY, at);
        RateCounter rate = RateCounter.of(PolicyScope.organization(org), at);
        QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("2"), 1));
        Reservation kept = new Reservation("res_kept_" + run, org, List.of(new Hold(daily, new BigDecimal("0.25"))),
                new BigDecimal("0.25"), at, at.plusSeconds(600));
        Reservation refused = new Reservation("res_refused_" + run, org,
                List.of(new Hold(daily, new BigDecimal("0.5"))), new BigDecimal("0.5"), at, at.plusSeconds(600));
        Request keeping = new Request(false, new TreeSet<>(List.of(rate)), 40, new TreeSet<>(List.of(daily)), org,
                kept);
        Request refusing = new Request(false, new TreeSet<>(List.of(rate)), 60, new TreeSet<>(List.of(daily)), org,
                refused);

        Locked first = locks.lock(keeping);
        Locked second = locks.lock(refusing);
        assertThat(ledger.credit(org).orElseThrow().reserved()).as("both holds committed")
                .isEqualByComparingTo("0.75");
        locks.refuse(refusing, second);

        assertThat(first.held()).isTrue();
        assertThat(first.counters().get(daily).reserved()).as("as it stood before the hold").isEqualByComparingTo("0");
        assertThat(first.credit().reserved()).isEqualByComparingTo("0");
        assertThat(second.held()).isTrue();
        assertThat(second.counters().get(daily).reserved()).isEqualByComparingTo("0.25");
        assertThat(second.credit().reserved()).isEqualByComparingTo("0.25");
        assertThat(ledger.credit(org).orElseThrow().reserved()).as("the refused hold taken back")
                .isEqualByComparingTo("0.25");
        assertThat(ledger.read(List.of(daily)).get(daily).reserved()).isEqualByComparingTo("0.25");
        assertThat(jdbc.query("SELECT id FROM reservation WHERE organization_id = ?", rs -> rs.getString(1), org))
                .containsExactly(kept.id());
        assertThat(jdbc.query("SELECT amount FROM reservation_hold WHERE reservation_id = ?",
                rs -> rs.getBigDecimal(1), kept.id())).singleElement().satisfies(a ->
                        assertThat(a).isEqualByComparingTo("0.25"));
        assertThat(counts(locks.lock(new Request(false, new TreeSet<>(List.of(rate)), 0, new TreeSet<>(), null))
                .rates().get(rate))).as("only the kept request still counted").isEqualTo(counts(new RateState(1, 40)));
    }

    /** A hold the credit no longer covers writes nothing; its refusal takes back the request's counts only. */
    @Test
    void aHoldTheCreditNoLongerCoversWritesNothingAndItsRefusalTakesBackTheCounts() {
        Instant at = Instant.now();
        String org = "org_short_" + run;
        SpendCounter daily = SpendCounter.of(PolicyScope.organization(org), BudgetWindow.DAILY, at);
        RateCounter rate = RateCounter.of(PolicyScope.organization(org), at);
        QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("0.3"), 1));
        Request request = new Request(false, new TreeSet<>(List.of(rate)), 25, new TreeSet<>(List.of(daily)), org,
                new Reservation("res_short_" + run, org, List.of(new Hold(daily, new BigDecimal("0.5"))),
                        new BigDecimal("0.5"), at, at.plusSeconds(600)));

        Locked locked = locks.lock(request);
        assertThat(locked.held()).isFalse();
        assertThat(jdbc.query("SELECT id FROM reservation WHERE organization_id = ?", rs -> rs.getString(1), org))
                .isEmpty();
        assertThat(ledger.read(List.of(daily)).get(daily).reserved()).isEqualByComparingTo("0");
        locks.refuse(request, locked);

        assertThat(ledger.credit(org).orElseThrow().reserved()).isEqualByComparingTo("0");
        assertThat(counts(locks.lock(new Request(false, new TreeSet<>(List.of(rate)), 0, new TreeSet<>(), null))
                .rates().get(rate))).isEqualTo(counts(RateState.EMPTY));
    }

    @Test
    void anOrganizationWithoutABalanceHasNoCreditSoItsHoldWritesNothing() {
        Instant at = Instant.now();
        String org = "org_no_balance_" + run;
        SpendCounter daily = SpendCounter.of(PolicyScope.organization(org), BudgetWindow.DAILY, at);
        Reservation hold = new Reservation("res_no_balance_" + run, org,
                List.of(new Hold(daily, new BigDecimal("0.3"))), new BigDecimal("0.3"), at, at.plusSeconds(600));

        Locked locked = QuarkusTransaction.requiringNew().call(() -> locks.lock(
                new Request(false, new TreeSet<>(), 0, new TreeSet<>(List.of(daily)), org, hold)));

        assertThat(locked.held()).as("credits fail closed").isFalse();
        assertThat(locked.credit()).isNull();
        assertThat(ledger.read(List.of(daily)).get(daily).reserved()).isEqualByComparingTo("0");
        assertThat(jdbc.query("SELECT count(*) FROM reservation WHERE id = ?", rs -> rs.getInt(1), hold.id()))
                .containsExactly(0);
    }

    @Test
    void aHoldOnOtherCountersThanTheLockedOnesIsRejected() {
        Instant at = Instant.now();
        SpendCounter daily = SpendCounter.of(PolicyScope.organization("org_x"), BudgetWindow.DAILY, at);
        SpendCounter monthly = SpendCounter.of(PolicyScope.organization("org_x"), BudgetWindow.MONTHLY, at);

        assertThatThrownBy(() -> new Request(false, new TreeSet<>(), 0, new TreeSet<>(List.of(daily)), "org_x",
                new Reservation("res_x", "org_x", List.of(new Hold(monthly, BigDecimal.ONE)), null, at, at)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalTakesItsCountsBackAndOnlyItsOwn() {
        Instant at = Instant.now();
        RateCounter rate = RateCounter.of(PolicyScope.workspace("ws_refusal_" + run), at);
        Request request = new Request(false, new TreeSet<>(List.of(rate)), 10, new TreeSet<>(), null);

        locks.lock(request);
        Locked refused = locks.lock(request);
        locks.refuse(request, refused);
        Locked after = locks.lock(request);

        assertThat(counts(refused.rates().get(rate))).isEqualTo(counts(new RateState(1, 10)));
        assertThat(counts(after.rates().get(rate))).isEqualTo(counts(new RateState(1, 10)));
    }

    /**
     * Admissions and refusals of many callers on the same rows, as checks of one organization on
     * several instances make them: none deadlocks, and what stays is exactly what the kept ones wrote.
     */
    @Test
    void concurrentAdmissionsAndRefusalsOnTheSameRowsLeaveExactlyWhatWasKept() throws Exception {
        Instant at = Instant.now();
        String org = "org_many_" + run;
        RateCounter orgRate = RateCounter.of(PolicyScope.organization(org), at);
        RateCounter wsRate = RateCounter.of(PolicyScope.workspace("ws_many_" + run), at);
        SpendCounter daily = SpendCounter.of(PolicyScope.organization(org), BudgetWindow.DAILY, at);
        SpendCounter weekly = SpendCounter.of(PolicyScope.workspace("ws_many_" + run), BudgetWindow.WEEKLY, at);
        QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("1000"), 1));
        int callers = 48;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CyclicBarrier start = new CyclicBarrier(16);
        List<Future<Boolean>> kept = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                int n = i;
                kept.add(pool.submit(() -> {
                    if (n < 16) {
                        start.await();
                    }
                    Request request = new Request(true, new TreeSet<>(List.of(orgRate, wsRate)), 7,
                            new TreeSet<>(List.of(daily, weekly)), org, new Reservation("res_many_" + run + "_" + n,
                                    org, List.of(new Hold(daily, new BigDecimal("0.5")),
                                            new Hold(weekly, new BigDecimal("0.5"))),
                                    new BigDecimal("0.5"), at, at.plusSeconds(600)));
                    Locked locked = locks.lock(request);
                    if (n % 3 == 0) {
                        locks.refuse(request, locked);
                        return false;
                    }
                    return locked.held();
                }));
            }
            int held = 0;
            for (Future<Boolean> f : kept) {
                held += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(held).isEqualTo(callers - callers / 3);
            BigDecimal heldAmount = new BigDecimal("0.5").multiply(BigDecimal.valueOf(held));
            assertThat(ledger.credit(org).orElseThrow().reserved()).isEqualByComparingTo(heldAmount);
            assertThat(ledger.read(List.of(daily, weekly)).values()).allSatisfy(c ->
                    assertThat(c.reserved()).isEqualByComparingTo(heldAmount));
            assertThat(jdbc.query("SELECT count(*) FROM reservation WHERE organization_id = ?", rs -> rs.getInt(1),
                    org)).containsExactly(held);
            Locked after = locks.lock(new Request(false, new TreeSet<>(List.of(orgRate, wsRate)), 0, new TreeSet<>(),
                    null));
            assertThat(after.rates().values().stream().map(AdmissionLocksAdapterTest::counts))
                    .containsOnly(List.of((long) held, 7L * held));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The refusal commits without waiting for the disk when its check's call did. */
    @Test
    void aRefusalCommitsAsItsCallDid() {
        Setting inside = QuarkusTransaction.requiringNew().call(() -> {
            execute("SET synchronous_commit = on");
            Request request = new Request(true, new TreeSet<>(), 0, new TreeSet<>(), null);
            locks.refuse(request, new Locked(Map.of(), Map.of(), null, true));
            return current();
        });
        assertThat(inside.value()).isEqualTo("off");
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

    private static Request holding(String org, String id, String credit, Instant now) {
        return new Request(false, new TreeSet<>(), 0, new TreeSet<>(), org, new Reservation(id, org, List.of(),
                new BigDecimal(credit), now, now.plusSeconds(600)));
    }

    /** A window's requests and tokens; when its oldest bucket started depends on the clock. */
    private static java.util.List<Long> counts(RateState state) {
        return java.util.List.of(state.requests(), state.tokens());
    }
}
