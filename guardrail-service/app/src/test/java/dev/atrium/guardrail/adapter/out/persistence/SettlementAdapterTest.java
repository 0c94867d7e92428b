package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.in.ExpireReservationsUseCase;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase;
import dev.atrium.guardrail.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.guardrail.application.port.in.ReleaseReservationUseCase;
import dev.atrium.guardrail.application.port.out.AdmissionLocks;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.budget.Hold;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.budget.Reservation;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Settlement of a polled usage batch on the real PostgreSQL: every counter gets the sum of its
 * generations' costs, each generation once, and the batch's reservations give their holds back.
 */
@QuarkusTest
class SettlementAdapterTest {

    private static final Instant MARCH = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-27T12:00:00Z");

    @Inject
    Scheduler scheduler;

    @Inject
    RecordUsageUseCase usage;

    @Inject
    ReleaseReservationUseCase releases;

    @Inject
    ExpireReservationsUseCase expiry;

    @Inject
    BudgetLedger ledger;

    @Inject
    AdmissionLocks locks;

    @Inject
    TenancyRepository tenancy;

    @Inject
    Jdbc jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aBatchOfSeveralTenantsChargesEachCounterTheSumOfItsGenerationsOnce() {
        String orgA = id("org_a");
        String orgB = id("org_b");
        String wsA1 = id("ws_a1");
        String wsA2 = id("ws_a2");
        String wsB = id("ws_b");
        String keyA1 = id("key_a1");
        String keyA2 = id("key_a2");
        String keyB = id("key_b");
        // key_a1's records name no tenant: its organization, workspace and owner come from workspace events.
        QuarkusTransaction.requiringNew().run(() -> tenancy.saveKey(
                new KnownKey(keyA1, wsA1, orgA, "alice", null, null, false)));

        int charged = usage.recordAll(List.of(
                record("g1", keyA1, null, null, null, null, "0.10", false, MARCH),
                record("g2", keyA1, null, null, null, null, "0.20", false, FEBRUARY),
                record("g3", keyA2, wsA2, orgA, "bob", null, "0.30", false, MARCH),
                record("g3", keyA2, wsA2, orgA, "bob", null, "0.30", false, MARCH),
                record("g4", keyA2, wsA2, orgA, "bob", null, "0.05", true, MARCH),
                record("g5", keyB, wsB, orgB, null, null, "0.40", false, MARCH),
                record("g6", keyB, wsB, orgB, null, null, "0", false, MARCH)));

        assertThat(charged).isEqualTo(6);
        assertSpent(PolicyScope.organization(orgA), BudgetWindow.LIFETIME, MARCH, "0.60", "0.05");
        assertSpent(PolicyScope.organization(orgA), BudgetWindow.MONTHLY, MARCH, "0.40", "0.05");
        assertSpent(PolicyScope.organization(orgA), BudgetWindow.MONTHLY, FEBRUARY, "0.20", "0");
        assertSpent(PolicyScope.workspace(wsA1), BudgetWindow.LIFETIME, MARCH, "0.30", "0");
        assertSpent(PolicyScope.member(wsA1, "alice"), BudgetWindow.DAILY, MARCH, "0.10", "0");
        assertSpent(PolicyScope.member(wsA1, "alice"), BudgetWindow.WEEKLY, FEBRUARY, "0.20", "0");
        assertSpent(PolicyScope.member(wsA2, "bob"), BudgetWindow.LIFETIME, MARCH, "0.30", "0.05");
        assertSpent(PolicyScope.key(keyA2), BudgetWindow.DAILY, MARCH, "0.30", "0.05");
        assertSpent(PolicyScope.organization(orgB), BudgetWindow.WEEKLY, MARCH, "0.40", "0");
        assertSpent(PolicyScope.key(keyB), BudgetWindow.LIFETIME, MARCH, "0.40", "0");
        assertThat(jdbc.query("SELECT count(*) FROM spend_counter WHERE level = 'member' AND scope_id LIKE ?",
                rs -> rs.getInt(1), wsB + "/%")).as("a key without an owner has no member counter").containsExactly(0);

        int again = usage.recordAll(List.of(
                record("g3", keyA2, wsA2, orgA, "bob", null, "0.30", false, MARCH),
                record("g7", keyA1, null, null, null, null, "0.01", false, MARCH),
                record("g1", keyA1, null, null, null, null, "0.10", false, MARCH)));

        assertThat(again).as("only g7 is new").isEqualTo(1);
        assertSpent(PolicyScope.organization(orgA), BudgetWindow.LIFETIME, MARCH, "0.61", "0.05");
        assertSpent(PolicyScope.member(wsA2, "bob"), BudgetWindow.LIFETIME, MARCH, "0.30", "0.05");
        assertThat(usage.record(record("g7", keyA1, null, null, null, null, "0.01", false, MARCH))).isFalse();
        assertSpent(PolicyScope.key(keyA1), BudgetWindow.LIFETIME, MARCH, "0.31", "0");
    }

    @Test
    void theBatchsReservationsGiveBackTheirHoldsAndCreditsOnce() {
        String org = id("org_r");
        String ws = id("ws_r");
        String key = id("key_r");
        SpendCounter orgDaily = counter(PolicyScope.organization(org), BudgetWindow.DAILY, MARCH);
        SpendCounter keyLifetime = counter(PolicyScope.key(key), BudgetWindow.LIFETIME, MARCH);
        QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("100"), 1));
        String r1 = hold(org, "1.00", orgDaily, keyLifetime);
        String r2 = hold(org, "0.50", orgDaily, keyLifetime);
        String kept = hold(org, "0.25", orgDaily);
        assertThat(reserved(orgDaily)).isEqualByComparingTo("1.75");
        assertThat(creditReserved(org)).isEqualByComparingTo("1.75");

        List<RecordUsageCommand> batch = List.of(
                record("g1", key, ws, org, "carol", r1, "0.10", false, MARCH),
                record("g2", key, ws, org, "carol", r2, "0.20", true, MARCH),
                record("g3", key, ws, org, "carol", "res_" + run + "_unknown", "0.30", false, MARCH));
        assertThat(usage.recordAll(batch)).isEqualTo(3);

        CounterState state = state(orgDaily);
        assertThat(state.reserved()).isEqualByComparingTo("0.25");
        assertThat(state.spent()).isEqualByComparingTo("0.40");
        assertThat(state.spentByok()).isEqualByComparingTo("0.20");
        assertThat(reserved(keyLifetime)).isEqualByComparingTo("0");
        assertThat(creditReserved(org)).isEqualByComparingTo("0.25");
        assertThat(releases.release(r1)).as("settled already").isFalse();

        assertThat(usage.recordAll(batch)).as("a redelivered batch").isZero();
        assertThat(state(orgDaily).spent()).isEqualByComparingTo("0.40");
        assertThat(releases.release(kept)).isTrue();
        assertThat(reserved(orgDaily)).isEqualByComparingTo("0");
        assertThat(creditReserved(org)).isEqualByComparingTo("0");
    }

    /** Prints how long a batch of 500 takes and how many statements it sends; asserts only what it charged. */
    @Test
    void aBatchOfFiveHundredIsChargedInFewStatements() {
        batchOf(500, "warm");
        List<RecordUsageCommand> batch = batchOf(500, "measured");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        StatementLog.Counted<Integer> counted = StatementLog.count(() -> usage.recordAll(batch));
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long elapsed = System.nanoTime() - start;
        System.out.printf("recordAll of %d records: %d ms, %d us of this JVM's CPU per record, %d statements%n",
                batch.size(), elapsed / 1_000_000, cpu / 1000 / batch.size(), counted.statements());
        assertThat(counted.value()).isEqualTo(500);
        assertSpent(PolicyScope.organization(id("org_bulk_measured_0")), BudgetWindow.LIFETIME, MARCH, "1.00", "0");
    }

    /** 5 organizations, 20 workspaces, 50 keys and owners; every record settles a reservation. */
    private List<RecordUsageCommand> batchOf(int n, String tag) {
        List<RecordUsageCommand> batch = new ArrayList<>();
        List<String> reservations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String org = id("org_bulk_" + tag + "_" + i % 5);
            String key = id("key_bulk_" + tag + "_" + i % 50);
            reservations.add(hold(org, "0.01", counter(PolicyScope.organization(org), BudgetWindow.DAILY, MARCH),
                    counter(PolicyScope.key(key), BudgetWindow.DAILY, MARCH)));
        }
        for (int i = 0; i < n; i++) {
            batch.add(record("g_bulk_" + tag + "_" + i, id("key_bulk_" + tag + "_" + i % 50),
                    id("ws_bulk_" + tag + "_" + i % 20), id("org_bulk_" + tag + "_" + i % 5), "user_" + i % 50,
                    reservations.get(i), "0.01", false, MARCH));
        }
        if (tag.equals("warm")) {
            assertThat(usage.recordAll(batch)).isEqualTo(n);
        }
        return batch;
    }

    /**
     * Reservations no usage or release came for, more than one batch of them (a gateway that died with
     * requests in flight): one sweep gives every hold and credit hold back. It took 100 per run.
     */
    @Test
    void oneSweepReleasesABacklogOfExpiredReservations() {
        // The scheduled sweep would take part of the backlog while it is written on a slow machine: this test's
        // one sweep must find all of it.
        scheduler.pause();
        try {
            sweepBacklog();
        } finally {
            scheduler.resume();
        }
    }

    private void sweepBacklog() {
        String org = id("org_expired");
        SpendCounter orgDaily = counter(PolicyScope.organization(org), BudgetWindow.DAILY, MARCH);
        SpendCounter wsDaily = counter(PolicyScope.workspace(id("ws_expired")), BudgetWindow.DAILY, MARCH);
        QuarkusTransaction.requiringNew().run(() -> ledger.updateBalance(org, new BigDecimal("100"), 1));
        int n = 1_234;
        List<String> ids = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < n; i++) {
                String id = "res_" + UUID.randomUUID().toString().replace("-", "");
                locks.lock(new AdmissionLocks.Request(false, new TreeSet<>(), 0,
                        new TreeSet<>(List.of(orgDaily, wsDaily)), org, new Reservation(id, org,
                                List.of(new Hold(orgDaily, new BigDecimal("0.01")), new Hold(wsDaily,
                                        new BigDecimal("0.01"))), new BigDecimal("0.01"), MARCH,
                                Instant.now().minus(Duration.ofMinutes(1)))));
                ids.add(id);
            }
        });
        String live = hold(org, "0.50", orgDaily);
        assertThat(reserved(orgDaily)).isEqualByComparingTo("12.84");
        assertThat(creditReserved(org)).isEqualByComparingTo("12.84");

        assertThat(expiry.expire()).isGreaterThanOrEqualTo(n);

        assertThat(jdbc.query("SELECT count(*) FROM reservation WHERE id = ANY (?::text[])", rs -> rs.getInt(1),
                (Object) ids.toArray(String[]::new))).containsExactly(0);
        assertThat(reserved(orgDaily)).as("only the live reservation").isEqualByComparingTo("0.50");
        assertThat(reserved(wsDaily)).isEqualByComparingTo("0");
        assertThat(creditReserved(org)).isEqualByComparingTo("0.50");
        assertThat(releases.release(live)).isTrue();
    }

    private String hold(String org, String amount, SpendCounter... counters) {
        String id = "res_" + UUID.randomUUID().toString().replace("-", "");
        QuarkusTransaction.requiringNew().run(() -> locks.lock(new AdmissionLocks.Request(false, new TreeSet<>(), 0,
                new TreeSet<>(List.of(counters)), null, new Reservation(id, org, List.of(counters).stream()
                        .map(c -> new Hold(c, new BigDecimal(amount))).toList(),
                        ledger.credit(org).isPresent() ? new BigDecimal(amount) : null, MARCH,
                        Instant.now().plus(Duration.ofHours(1))))));
        return id;
    }

    private RecordUsageCommand record(String generation, String key, String ws, String org, String owner,
            String reservation, String cost, boolean byok, Instant at) {
        return RecordUsageCommand.of(id(generation), key, ws, org, owner, reservation, new BigDecimal(cost), byok, at);
    }

    private void assertSpent(PolicyScope scope, BudgetWindow window, Instant at, String spent, String spentByok) {
        CounterState s = state(counter(scope, window, at));
        assertThat(s.spent()).as("%s %s spent", scope, window).isEqualByComparingTo(spent);
        assertThat(s.spentByok()).as("%s %s BYOK spent", scope, window).isEqualByComparingTo(spentByok);
    }

    private CounterState state(SpendCounter counter) {
        return ledger.read(List.of(counter)).getOrDefault(counter, CounterState.EMPTY);
    }

    private BigDecimal reserved(SpendCounter counter) {
        return state(counter).reserved();
    }

    private BigDecimal creditReserved(String org) {
        CreditState credit = QuarkusTransaction.requiringNew().call(() -> locks.lock(
                new AdmissionLocks.Request(false, new TreeSet<>(), 0, new TreeSet<>(), org)).credit());
        assertThat(credit).as("%s's credit row", org).isNotNull();
        return credit.reserved();
    }

    private static SpendCounter counter(PolicyScope scope, BudgetWindow window, Instant at) {
        return SpendCounter.of(scope, window, at);
    }

    private String id(String name) {
        return name + "_" + run;
    }
}
