package dev.atrium.billing.application.service;

import static dev.atrium.billing.application.service.Fixtures.NOW;
import static dev.atrium.billing.application.service.Fixtures.THRESHOLD;
import static dev.atrium.billing.application.service.Fixtures.grant;
import static dev.atrium.billing.application.service.Fixtures.topUp;
import static dev.atrium.billing.application.service.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.billing.application.port.in.LearnWorkspaceUseCase.LearnWorkspaceCommand;
import dev.atrium.billing.application.port.in.ProduceStatementQuery.StatementRequest;
import dev.atrium.billing.application.port.in.ReportUsageQuery.UsageReportRequest;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.BatchOutcome;
import dev.atrium.billing.domain.ByokFee;
import dev.atrium.billing.domain.KnownWorkspace;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.UsageScope;
import dev.atrium.common.error.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batched booking, low-balance warnings, workspace reports and the ledger audit, on in-memory fakes. */
class BatchAndReportsTest {

    private final InMemoryBilling store = new InMemoryBilling();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Bookkeeper bookkeeper = new Bookkeeper(store, store, THRESHOLD);
    private final CreditService credits = new CreditService(store, store, bookkeeper, clock);
    private final UsageRecordingService usage = new UsageRecordingService(store, store, bookkeeper, store, ByokFee.NONE, clock);
    private final ReportingService reporting = new ReportingService(store, store, clock);
    private final LedgerAuditService audit = new LedgerAuditService(store, store, clock);

    @Test
    void aBatchBooksEachNewGenerationOnceAndAnnouncesOneBalancePerOrganization() {
        usage.record(usage("gen-0", "org_a", "m/x", "1"));
        store.events.clear();

        BatchOutcome outcome = usage.recordAll(List.of(usage("gen-1", "org_a", "m/x", "0.25"),
                usage("gen-0", "org_a", "m/x", "1"), usage("gen-2", "org_b", "m/x", "0.5"),
                usage("gen-1", "org_a", "m/x", "0.25"), usage("gen-3", "org_a", "m/x", "0.125")));

        assertThat(outcome).isEqualTo(new BatchOutcome(3, 2));
        assertThat(store.balance("org_a").orElseThrow().amount()).isEqualByComparingTo("-1.375");
        assertThat(store.balance("org_a").orElseThrow().revision()).isEqualTo(3);
        assertThat(store.entries).hasSize(2 * 4);
        assertThat(store.events).containsExactly("usage:gen-3:-1.3750000000:r3", "usage:gen-2:-0.5000000000:r1");
        assertThat(store.recordedCount).isEqualTo(4);
        assertThat(store.duplicateCount).isEqualTo(2);
    }

    @Test
    void lowBalanceIsAnnouncedOncePerCrossingDownward() {
        credits.add(topUp("org_a", "k1", "6"));
        usage.record(usage("gen-1", "org_a", "m/x", "0.5"));
        usage.record(usage("gen-2", "org_a", "m/x", "1"));
        usage.record(usage("gen-3", "org_a", "m/x", "0.1"));
        credits.add(grant("org_a", "k2", "10"));
        usage.recordAll(List.of(usage("gen-4", "org_a", "m/x", "5"), usage("gen-5", "org_a", "m/x", "5")));

        assertThat(store.events).filteredOn(e -> e.startsWith("low:"))
                .containsExactly("low:gen-2:4.5000000000<5.0000000000", "low:gen-5:4.4000000000<5.0000000000");
    }

    @Test
    void aWorkspaceIsKnownFromItsUsageOrFromItsCreation() {
        usage.record(usage("gen-1", "org_a", "ws_used", "key_1", "m/x", "1", NOW));
        new WorkspaceLearningService(store).learn(LearnWorkspaceCommand.of("ws_new", "org_b"));
        new WorkspaceLearningService(store).learn(LearnWorkspaceCommand.of("ws_used", "org_other"));

        assertThat(reporting.workspace("ws_used")).contains(new KnownWorkspace("ws_used", "org_a"));
        assertThat(reporting.workspace("ws_new")).contains(new KnownWorkspace("ws_new", "org_b"));
        assertThat(reporting.workspace("ws_unknown")).isEmpty();
    }

    @Test
    void workspaceReportsCoverOnlyThatWorkspaceOfThatOrganization() {
        usage.record(usage("gen-1", "org_a", "ws_1", "key_1", "a/x", "0.1", Instant.parse("2026-11-02T10:00:00Z")));
        usage.record(usage("gen-2", "org_a", "ws_1", "key_2", "b/y", "0.2", Instant.parse("2026-11-02T11:00:00Z")));
        usage.record(usage("gen-3", "org_a", "ws_1", "key_1", "a/x", "0.3", Instant.parse("2026-11-03T00:00:00Z")));
        usage.record(usage("gen-4", "org_a", "ws_2", "key_9", "a/x", "9", Instant.parse("2026-11-02T10:00:00Z")));
        usage.record(usage("gen-5", "org_b", "ws_1", "key_9", "a/x", "9", Instant.parse("2026-11-02T10:00:00Z")));
        usage.record(usage("gen-6", "org_a", "ws_1", "key_1", "a/x", "9", Instant.parse("2026-12-01T00:00:00Z")));
        var ws1 = reporting.workspace("ws_1").orElseThrow();

        var report = reporting.report(UsageReportRequest.of(UsageScope.workspace(ws1), "2026-11-01", "2026-12-01",
                "key", NOW));
        var statement = reporting.statement(StatementRequest.of(ws1, "2026-11"));

        assertThat(report.rows()).extracting(r -> r.group() + "=" + r.cost().stripTrailingZeros().toPlainString())
                .containsExactly("key_1=0.4", "key_2=0.2");
        assertThat(statement.lines()).extracting(l -> l.day() + " " + l.model() + " " + l.requests())
                .containsExactly("2026-11-02 a/x 1", "2026-11-02 b/y 1", "2026-11-03 a/x 1");
        assertThat(statement.total().cost()).isEqualTo(Money.of("0.6"));
        assertThat(statement.closed()).isFalse();
    }

    @Test
    void aMalformedMonthIsRejectedNamingTheField() {
        var ws = new KnownWorkspace("ws_1", "org_a");
        for (String month : new String[] {"2026-13", "2026-1", "2026-00", "11-2026", "2026-11-01", "", "2026-1x"}) {
            assertThatThrownBy(() -> StatementRequest.of(ws, month)).as(month)
                    .isInstanceOf(InvalidFieldException.class)
                    .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("month");
        }
        assertThat(StatementRequest.of(ws, "2026-02").month().lengthOfMonth()).isEqualTo(28);
    }

    @Test
    void theAuditFindsBooksThatDoNotHoldAndReportsThemAsAMetric() {
        credits.add(topUp("org_a", "k1", "10"));
        credits.add(topUp("org_b", "k2", "10"));
        usage.record(usage("gen-1", "org_b", "m/x", "1"));
        assertThat(audit.audit().violations()).isEmpty();
        assertThat(store.violationsGauge).isZero();

        var drifted = store.accounts.get("org_b/credits");
        store.accounts.put("org_b/credits", new InMemoryBilling.Account(drifted.balance().add(BigDecimal.ONE),
                drifted.revision(), drifted.updatedAt()));
        store.generations.put("gen-undebited", usage("gen-undebited", "org_a", "m/x", "2").generation());
        var found = audit.audit();

        assertThat(found.violations()).extracting(v -> v.organizationId()).containsExactly("org_a", "org_b");
        assertThat(found.violations().get(0).generationsNotDebitedOnce()).isEqualTo(1);
        assertThat(found.violations().get(1).describe()).contains("account credits balance 10.0000000000");
        assertThat(store.violationsGauge).isEqualTo(2);
    }
}
