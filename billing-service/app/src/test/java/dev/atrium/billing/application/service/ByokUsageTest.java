package dev.atrium.billing.application.service;

import static dev.atrium.billing.application.service.Fixtures.NOW;
import static dev.atrium.billing.application.service.Fixtures.byokUsage;
import static dev.atrium.billing.application.service.Fixtures.topUp;
import static dev.atrium.billing.application.service.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.atrium.billing.application.port.in.RecordUsageUseCase.UsageOutcome;
import dev.atrium.billing.application.port.in.ReportUsageQuery.UsageReportRequest;
import dev.atrium.billing.domain.AccountType;
import dev.atrium.billing.domain.ByokFee;
import dev.atrium.billing.domain.Direction;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerTransaction;
import dev.atrium.billing.domain.TransactionKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generations the workspace's own provider key paid for: the credits pay the fee, never the cost. */
class ByokUsageTest {

    private final InMemoryBilling store = new InMemoryBilling();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Bookkeeper bookkeeper = new Bookkeeper(store, store, Fixtures.THRESHOLD);

    @Test
    void aByokGenerationDebitsOnlyTheFeeAsItsOwnKind() {
        var usage = service("5");
        new CreditService(store, store, bookkeeper, clock).add(topUp("org_a", "k1", "10"));

        assertThat(usage.record(byokUsage("gen-1", "org_a", "openai/gpt-4o", "0.0012345678")))
                .isEqualTo(UsageOutcome.RECORDED);

        var stored = store.generations.get("gen-1");
        assertThat(stored.cost()).as("upstream cost kept").isEqualTo(new BigDecimal("0.0012345678"));
        assertThat(stored.byokFee()).isEqualTo(new BigDecimal("0.0000617284"));
        assertThat(store.balance("org_a").orElseThrow().amount()).isEqualByComparingTo("9.9999382716");
        List<LedgerEntry> fee = store.entries.stream().filter(e -> e.reference().equals("gen-1")).toList();
        assertThat(fee).extracting(LedgerEntry::kind).containsOnly(TransactionKind.BYOK_FEE);
        assertThat(fee).extracting(LedgerEntry::account, LedgerEntry::direction).containsExactlyInAnyOrder(
                tuple(AccountType.CREDITS, Direction.DEBIT),
                tuple(AccountType.BYOK_FEES, Direction.CREDIT));
        assertThat(fee).extracting(LedgerEntry::amount).containsOnly(new BigDecimal("0.0000617284"));
        assertThat(store.events).last().asString().startsWith("byok_fee:gen-1:9.9999382716");
        assertThat(store.invariants("org_a").hold()).isTrue();
    }

    @Test
    void atTheDefaultZeroPercentAByokGenerationIsStoredAndMovesNoMoney() {
        var usage = service("0");

        assertThat(usage.record(byokUsage("gen-1", "org_a", "openai/gpt-4o", "0.75")))
                .isEqualTo(UsageOutcome.RECORDED);
        assertThat(usage.record(byokUsage("gen-1", "org_a", "openai/gpt-4o", "0.75")))
                .as("still booked exactly once").isEqualTo(UsageOutcome.DUPLICATE);

        assertThat(store.generations.get("gen-1").byokFee()).isEqualByComparingTo("0");
        assertThat(store.entries).isEmpty();
        assertThat(store.balance("org_a")).isEmpty();
        assertThat(store.invariants("org_a").hold()).isTrue();
        assertThat(store.recordedCount).isEqualTo(1);
        assertThat(store.duplicateCount).isEqualTo(1);
    }

    @Test
    void theAuditFlagsAByokGenerationDebitedItsCost() {
        var usage = service("5");
        usage.record(byokUsage("gen-1", "org_a", "m/x", "1"));
        var generation = store.generations.get("gen-1");
        // as a consumer that ignored the BYOK flag would have booked it
        store.postAll(List.of(LedgerTransaction.usage("txn_wrong", "org_a", "gen-1",
                generation.cost(), NOW)));

        var check = store.invariants("org_a");
        assertThat(check.hold()).isFalse();
        assertThat(check.generationsNotDebitedOnce()).isEqualTo(1);
    }

    @Test
    void reportsShowTheUpstreamCostTheFeesAndWhatWasCharged() {
        var usage = service("5");
        usage.record(usage("gen-1", "org_a", "m/x", "0.4"));
        usage.record(byokUsage("gen-2", "org_a", "m/x", "2"));
        usage.record(byokUsage("gen-3", "org_a", "m/y", "0.0000000030"));

        var report = new ReportingService(store, store, clock)
                .report(UsageReportRequest.of("org_a", "2026-11-01", "2026-12-01", "model", NOW));

        assertThat(report.rows()).hasSize(2);
        var x = report.rows().get(0);
        assertThat(x.cost()).isEqualByComparingTo("2.4");
        assertThat(x.byokFee()).isEqualByComparingTo("0.1");
        assertThat(x.charged()).isEqualByComparingTo("0.5");
        assertThat(report.total().cost()).isEqualByComparingTo("2.400000003");
        assertThat(report.total().byokFee()).isEqualByComparingTo("0.1000000002");
        assertThat(report.total().charged()).isEqualByComparingTo("0.5000000002");
        assertThat(store.balance("org_a").orElseThrow().amount()).isEqualByComparingTo("-0.5000000002");
    }

    private UsageRecordingService service(String percent) {
        return new UsageRecordingService(store, store, bookkeeper, store, new ByokFee(new BigDecimal(percent)), clock);
    }
}
