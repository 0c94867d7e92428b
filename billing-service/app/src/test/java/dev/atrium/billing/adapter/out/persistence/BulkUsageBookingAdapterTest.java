package dev.atrium.billing.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.billing.ApiCalls;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.CheckLedgerQuery;
import dev.atrium.billing.application.port.in.FindBalanceQuery;
import dev.atrium.billing.application.port.in.FindGenerationQuery;
import dev.atrium.billing.application.port.in.FindWorkspaceQuery;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.BatchOutcome;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.local.testing.KafkaRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Batches booked in bulk on the real PostgreSQL: several organizations and workspaces in one
 * batch (some organizations new, so their accounts open inside it), ids repeated in the batch and
 * in the next one, amounts at the tenth decimal. Each generation is debited once at its charge and
 * every balance is exactly its opening amount less those charges. The test profile charges a 5%
 * BYOK fee.
 */
@QuarkusTest
class BulkUsageBookingAdapterTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Inject
    RecordUsageUseCase usage;
    @Inject
    AddCreditsUseCase credits;
    @Inject
    FindBalanceQuery balances;
    @Inject
    FindGenerationQuery generations;
    @Inject
    FindWorkspaceQuery workspaces;
    @Inject
    CheckLedgerQuery books;
    @Inject
    EntityManager em;

    /** The consumer commits its Kafka offsets after this transaction, so it waits for the disk whatever it asked. */
    @Test
    void aBatchOfUsageCommitsDurablyEvenInATransactionThatAskedOtherwise() {
        String org = "org_durable_" + UUID.randomUUID().toString().substring(0, 8);
        String setting = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
            usage.recordAll(List.of(usage("gen_" + org, org, "ws_durable", new BigDecimal("0.01"), false)));
            return em.createNativeQuery("SHOW synchronous_commit").getSingleResult().toString();
        });
        assertThat(setting).isEqualTo("on");
    }

    @Test
    void batchesAcrossOrganizationsWithRepeatedIdsDebitEachGenerationOnceToTheTenthDecimal() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String funded = "org_bulk_funded_" + run;
        String fresh = "org_bulk_fresh_" + run;
        String byokOnly = "org_bulk_byok_" + run;
        credits.add(AddCreditsCommand.of(funded, "seed-" + funded, new BigDecimal("10"), "USD", "top_up", null, "a"));
        Map<String, BigDecimal> expected = new HashMap<>(Map.of(funded, new BigDecimal("10"), fresh, BigDecimal.ZERO,
                byokOnly, BigDecimal.ZERO));
        Map<String, Integer> debits = new HashMap<>(Map.of(funded, 0, fresh, 0, byokOnly, 0));
        Map<String, RecordUsageCommand> firstBatch = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String org = i % 3 == 0 ? funded : i % 3 == 1 ? fresh : byokOnly;
            boolean byok = org.equals(byokOnly);
            // 0.0000000001 .. at the tenth decimal; a BYOK fee is 5% of it, HALF_EVEN at 10 decimals
            BigDecimal cost = new BigDecimal("0.0123456789").multiply(BigDecimal.valueOf(i + 1))
                    .add(new BigDecimal("0.0000000001"));
            String id = "gen-bulk-" + run + "-" + i;
            firstBatch.put(id, usage(id, org, "ws_" + org + "_" + (i % 2), cost, byok));
            BigDecimal charge = byok ? cost.multiply(new BigDecimal("0.05")).setScale(10,
                    RoundingMode.HALF_EVEN) : cost;
            expected.merge(org, charge.negate(), BigDecimal::add);
            debits.merge(org, 1, Integer::sum);
        }
        String freeId = "gen-bulk-" + run + "-free";
        firstBatch.put(freeId, usage(freeId, fresh, "ws_" + fresh + "_0", BigDecimal.ZERO, false));

        List<RecordUsageCommand> batch = new ArrayList<>(firstBatch.values());
        // The same generation twice in one poll, the copy with another cost: the first one counts.
        RecordUsageCommand first = batch.get(0);
        batch.add(usage(first.generation().id(), funded, "ws_" + funded + "_0", new BigDecimal("999"), false));
        batch.add(batch.get(5));
        BatchOutcome outcome = usage.recordAll(batch);

        assertThat(outcome.recorded()).isEqualTo(41);
        assertThat(outcome.duplicates()).isEqualTo(2);
        assertBooks(expected, debits);
        assertThat(generations.generation(first.generation().id()).orElseThrow().cost())
                .isEqualByComparingTo(first.generation().cost());

        // A redelivery of part of it beside new generations, one of them twice.
        String late = "gen-bulk-" + run + "-late";
        List<RecordUsageCommand> redelivered = new ArrayList<>(batch.subList(10, 25));
        redelivered.add(usage(late, byokOnly, "ws_" + byokOnly + "_1", new BigDecimal("3.3333333333"), true));
        redelivered.add(usage(late, byokOnly, "ws_" + byokOnly + "_1", new BigDecimal("3.3333333333"), true));
        String newOrg = "org_bulk_late_" + run;
        redelivered.add(usage("gen-bulk-" + run + "-new", newOrg, null, new BigDecimal("0.0000000001"), false));
        BatchOutcome again = usage.recordAll(redelivered);

        assertThat(again.recorded()).isEqualTo(2);
        assertThat(again.duplicates()).isEqualTo(16);
        expected.merge(byokOnly, new BigDecimal("-0.1666666667"), BigDecimal::add);
        debits.merge(byokOnly, 1, Integer::sum);
        expected.put(newOrg, new BigDecimal("-0.0000000001"));
        debits.put(newOrg, 1);
        assertBooks(expected, debits);
        assertThat(workspaces.workspace("ws_" + byokOnly + "_1").orElseThrow().organizationId()).isEqualTo(byokOnly);
        assertThat(workspaces.workspace("ws_" + fresh + "_0").orElseThrow().organizationId()).isEqualTo(fresh);
    }

    private void assertBooks(Map<String, BigDecimal> expected, Map<String, Integer> debits) {
        expected.forEach((org, amount) -> {
            Balance balance = balances.balance(org);
            assertThat(balance.amount()).as("balance of %s", org).isEqualByComparingTo(amount);
            LedgerInvariants check = books.check(org);
            assertThat(check.hold()).as("books of %s: %s", org, check.describe()).isTrue();
            assertThat(check.generationsNotDebitedOnce()).isZero();
            assertThat(check.unbalancedTransactions()).isZero();
            int charged = debits.get(org);
            assertThat(count("SELECT COUNT(*) FROM ledger_transaction WHERE organization_id = :org"
                    + " AND kind IN ('usage', 'byok_fee')", org)).as("debits of %s", org).isEqualTo(charged);
            assertThat(sum("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE organization_id = :org"
                    + " AND account_type = 'credits' AND direction = 'debit'", org))
                    .as("credits debited from %s", org)
                    .isEqualByComparingTo(expected.get(org).negate().add(opening(org)));
            // One revision per posting on the credits account: each debit, and the opening top-up.
            assertThat(balance.revision()).as("revision of %s", org)
                    .isEqualTo(charged + count("SELECT COUNT(*) FROM credit WHERE organization_id = :org", org));
        });
        assertAnnounced(expected.keySet());
    }

    /** The latest balance event of each organization tells its balance and revision as they are. */
    private void assertAnnounced(Set<String> orgs) {
        Map<String, Balance> now = new HashMap<>();
        orgs.forEach(org -> now.put(org, balances.balance(org)));
        Map<String, JsonNode> latest = new HashMap<>();
        KafkaRecords.readUntil(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                BillingEvents.BALANCE_TOPIC, r -> {
                    if (orgs.contains(r.key())
                            && BillingEvents.BALANCE_CHANGED.equals(CloudEventHeaders.read(r.headers(), "ce_type"))) {
                        latest.merge(r.key(), ApiCalls.read(r.value()), (a, b) -> revision(b) > revision(a) ? b : a);
                    }
                    return orgs.stream().allMatch(org -> latest.containsKey(org)
                            && revision(latest.get(org)) == now.get(org).revision());
                }, Duration.ofSeconds(30));
        orgs.forEach(org -> assertThat(latest.get(org).get("balance").decimalValue()).as("announced balance of %s", org)
                .isEqualByComparingTo(now.get(org).amount()));
    }

    private static long revision(JsonNode event) {
        return event.get("revision").asLong();
    }

    private BigDecimal opening(String org) {
        return sum("SELECT COALESCE(SUM(amount), 0) FROM credit WHERE organization_id = :org", org);
    }

    private long count(String sql, String org) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("org", org).getSingleResult()).longValue());
    }

    private BigDecimal sum(String sql, String org) {
        return QuarkusTransaction.requiringNew().call(() -> new BigDecimal(em.createNativeQuery(sql)
                .setParameter("org", org).getSingleResult().toString()));
    }

    private static RecordUsageCommand usage(String id, String org, String workspace, BigDecimal cost, boolean byok) {
        return RecordUsageCommand.of(id, org, workspace, "key_1", "user-1", "openai/gpt-4o-mini", "p", 1200, 345,
                cost, byok, 800, "org:1", AT, Instant.now());
    }
}
