package dev.atrium.billing.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.CreditOutcome;
import dev.atrium.billing.application.port.in.CheckLedgerQuery;
import dev.atrium.billing.application.port.in.FindBalanceQuery;
import dev.atrium.billing.application.port.in.FindGenerationQuery;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.UsageOutcome;
import dev.atrium.billing.domain.LedgerInvariants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The ledger on the real PostgreSQL: racing writers, and what the schema itself refuses. */
@QuarkusTest
class LedgerPersistenceAdapterTest {

    private static final int RACERS = 6;

    @Inject
    RecordUsageUseCase usage;
    @Inject
    AddCreditsUseCase credits;
    @Inject
    FindBalanceQuery balances;
    @Inject
    FindGenerationQuery generations;
    @Inject
    CheckLedgerQuery books;
    @Inject
    EntityManager em;

    @Test
    void racingCopiesOfOneUsageRecordDebitOnce() throws Exception {
        String org = org();
        RecordUsageCommand command = usage(org, "gen-" + UUID.randomUUID(), "0.3333333333");

        List<UsageOutcome> outcomes = race(() -> usage.record(command));

        assertThat(outcomes).containsOnlyOnce(UsageOutcome.RECORDED)
                .filteredOn(o -> o == UsageOutcome.DUPLICATE).hasSize(RACERS - 1);
        assertThat(balances.balance(org).amount()).isEqualByComparingTo("-0.3333333333");
        assertThat(books.check(org).hold()).isTrue();
    }

    @Test
    void racingRequestsWithOneIdempotencyKeyBookOnceAndGetOneAnswer() throws Exception {
        String org = org();
        AddCreditsCommand command = AddCreditsCommand.of(org, "race-" + org, new BigDecimal("25"), "USD", "top_up",
                null, "admin");

        List<CreditOutcome> outcomes = race(() -> credits.add(command));

        assertThat(outcomes).extracting(CreditOutcome::receipt).containsOnly(outcomes.get(0).receipt());
        assertThat(outcomes).filteredOn(o -> !o.replayed()).hasSize(1);
        assertThat(balances.balance(org).amount()).isEqualByComparingTo("25");
    }

    @Test
    void racingGenerationsOfOneNewOrganizationAllCount() throws Exception {
        String org = org();

        race(() -> usage.record(usage(org, "gen-" + UUID.randomUUID(), "0.0000000001")));

        assertThat(balances.balance(org).amount()).isEqualByComparingTo("-0.0000000006");
        assertThat(balances.balance(org).revision()).isEqualTo(RACERS);
        assertThat(books.check(org).hold()).isTrue();
    }

    @Test
    void generationWithoutOptionalFieldsIsStoredAsSent() {
        String id = "gen-" + UUID.randomUUID();
        usage.record(RecordUsageCommand.of(id, org(), null, null, null, "m/x", null, 0, 0, BigDecimal.ZERO, true, 0,
                null, Instant.parse("2026-11-26T00:00:00Z"), Instant.now()));

        var stored = generations.generation(id).orElseThrow();
        assertThat(stored.workspaceId()).isNull();
        assertThat(stored.provider()).isNull();
        assertThat(stored.byok()).isTrue();
        assertThat(stored.cost()).isEqualByComparingTo("0");
    }

    /** The test profile charges a 5% BYOK fee. */
    @Test
    void theAuditHoldsForByokFeesAndFlagsAByokGenerationDebitedItsCost() {
        String org = org();
        String paid = "gen-" + UUID.randomUUID();
        String free = "gen-" + UUID.randomUUID();
        usage.recordAll(List.of(byok(org, paid, "2"), byok(org, free, "0.0000000009")));

        assertThat(generations.generation(paid).orElseThrow().byokFee()).isEqualByComparingTo("0.1");
        assertThat(generations.generation(free).orElseThrow().byokFee())
                .as("5% of 0.0000000009 rounds to 0: processed, nothing debited").isEqualByComparingTo("0");
        assertThat(balances.balance(org).amount()).isEqualByComparingTo("-0.1");
        assertThat(books.check(org).hold()).isTrue();

        // A consumer that ignored the BYOK flag would also have debited the cost as usage; rolled back.
        String forgedId = "txn_forged_" + UUID.randomUUID().toString().substring(0, 8);
        AtomicReference<LedgerInvariants> forged = new AtomicReference<>();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO ledger_transaction (id, organization_id, kind, reference, created_at)"
                    + " VALUES (:id, :org, 'usage', :gen, now())").setParameter("id", forgedId)
                    .setParameter("org", org).setParameter("gen", paid).executeUpdate();
            em.createNativeQuery("INSERT INTO ledger_entry (transaction_id, account_id, organization_id, account_type,"
                    + " direction, amount, created_at) SELECT :id, id, organization_id, type,"
                    + " CASE type WHEN 'credits' THEN 'debit' ELSE 'credit' END, 2, now()"
                    + " FROM account WHERE organization_id = :org AND type IN ('credits', 'byok_fees')")
                    .setParameter("id", forgedId).setParameter("org", org).executeUpdate();
            forged.set(books.check(org));
            throw new IllegalStateException("rolled back by the test");
        })).hasMessageContaining("rolled back by the test");

        assertThat(forged.get().generationsNotDebitedOnce()).isEqualTo(1);
        assertThat(forged.get().hold()).isFalse();
        assertThat(books.check(org).hold()).isTrue();
    }

    @Test
    void theDatabaseRefusesAnUnbalancedTransaction() {
        String org = org();
        credits.add(AddCreditsCommand.of(org, "seed-" + org, BigDecimal.ONE, "USD", "grant", null, "admin"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO ledger_transaction (id, organization_id, kind, reference, created_at)"
                    + " VALUES ('txn_forged', :org, 'grant', 'forged', now())").setParameter("org", org)
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO ledger_entry (transaction_id, account_id, organization_id, account_type,"
                    + " direction, amount, created_at) SELECT 'txn_forged', id, organization_id, type, 'credit', 1, now()"
                    + " FROM account WHERE organization_id = :org AND type = 'credits'").setParameter("org", org)
                    .executeUpdate();
        })).hasStackTraceContaining("unbalanced");
        assertThat(books.check(org).hold()).isTrue();
        assertThat(balances.balance(org).amount()).isEqualByComparingTo("1");
    }

    /** The check runs once per statement: one unbalanced transaction among balanced ones fails them all. */
    @Test
    void theDatabaseRefusesAStatementWithOneUnbalancedTransactionAmongBalancedOnes() {
        String org = org();
        credits.add(AddCreditsCommand.of(org, "seed-" + org, BigDecimal.ONE, "USD", "grant", null, "admin"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO ledger_transaction (id, organization_id, kind, reference, created_at)"
                    + " VALUES ('txn_ok_' || :org, :org, 'grant', 'ok-' || :org, now()),"
                    + " ('txn_bad_' || :org, :org, 'grant', 'bad-' || :org, now())").setParameter("org", org)
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO ledger_entry (transaction_id, account_id, organization_id, account_type,"
                    + " direction, amount, created_at) SELECT t.id, a.id, a.organization_id, a.type,"
                    + " CASE a.type WHEN 'grants' THEN 'debit' ELSE 'credit' END,"
                    + " CASE WHEN t.id LIKE 'txn_bad_%' AND a.type = 'credits' THEN 0.0000000002 ELSE 0.0000000001 END,"
                    + " now() FROM account a, ledger_transaction t WHERE a.organization_id = :org"
                    + " AND a.type IN ('credits', 'grants') AND t.id IN ('txn_ok_' || :org, 'txn_bad_' || :org)")
                    .setParameter("org", org)
                    .executeUpdate();
        })).hasStackTraceContaining("ledger transaction txn_bad_" + org + " is unbalanced");
        assertThat(books.check(org).hold()).isTrue();
        assertThat(balances.balance(org).amount()).isEqualByComparingTo("1");
    }

    @Test
    void ledgerEntriesCannotBeEdited() {
        String org = org();
        credits.add(AddCreditsCommand.of(org, "seed-" + org, BigDecimal.ONE, "USD", "grant", null, "admin"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE ledger_entry SET amount = 1000 WHERE organization_id = :org")
                .setParameter("org", org).executeUpdate()))
                .hasStackTraceContaining("cannot be changed");
        assertThat(books.check(org).hold()).isTrue();
    }

    private static <T> List<T> race(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RecordUsageCommand usage(String org, String id, String cost) {
        return RecordUsageCommand.of(id, org, "ws_1", "key_1", "user-1", "a/x", "p", 10, 10, new BigDecimal(cost),
                false, 100, "org:1", Instant.parse("2026-11-26T00:00:00Z"), Instant.now());
    }

    private static RecordUsageCommand byok(String org, String id, String cost) {
        return RecordUsageCommand.of(id, org, "ws_1", "key_1", "user-1", "a/x", "p", 10, 10, new BigDecimal(cost),
                true, 100, "org:1", Instant.parse("2026-11-26T00:00:00Z"), Instant.now());
    }

    private static String org() {
        return "org_race_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
