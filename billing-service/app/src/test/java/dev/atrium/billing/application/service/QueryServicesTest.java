package dev.atrium.billing.application.service;

import static dev.atrium.billing.application.service.Fixtures.NOW;
import static dev.atrium.billing.application.service.Fixtures.topUp;
import static dev.atrium.billing.application.service.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.billing.application.port.in.ListLedgerQuery.LedgerPageRequest;
import dev.atrium.billing.application.port.in.ReportUsageQuery.UsageReportRequest;
import dev.atrium.billing.domain.ByokFee;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.common.error.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryServicesTest {

    private final InMemoryBilling store = new InMemoryBilling();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Bookkeeper bookkeeper = new Bookkeeper(store, store, Fixtures.THRESHOLD);
    private final LedgerQueryService ledger = new LedgerQueryService(store, store);
    private final ReportingService reporting = new ReportingService(store, store, clock);

    @Test
    void unknownOrganizationHasAZeroBalance() {
        var balance = ledger.balance("org_never_seen");
        assertThat(balance.amount()).isEqualByComparingTo("0");
        assertThat(balance.updatedAt()).isNull();
    }

    @Test
    void ledgerPagesWalkEveryEntryNewestFirstOnce() {
        var credits = new CreditService(store, store, bookkeeper, clock);
        for (int i = 1; i <= 5; i++) {
            credits.add(topUp("org_a", "k" + i, String.valueOf(i)));
        }
        credits.add(topUp("org_b", "other", "7"));
        List<LedgerEntry> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = ledger.list(LedgerPageRequest.of("org_a", "3", cursor));
            seen.addAll(page.entries());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(10).allMatch(e -> e.organizationId().equals("org_a"));
        assertThat(seen).extracting(LedgerEntry::sequence).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();
    }

    @Test
    void pageRequestsNameTheInvalidField() {
        assertField(() -> LedgerPageRequest.of("org_a", "0", null), "limit");
        assertField(() -> LedgerPageRequest.of("org_a", "201", null), "limit");
        assertField(() -> LedgerPageRequest.of("org_a", "ten", null), "limit");
        assertField(() -> LedgerPageRequest.of("org_a", null, "not-a-cursor"), "cursor");
        assertThat(LedgerPageRequest.of("org_a", null, null).limit()).isEqualTo(50);
    }

    @Test
    void usageGroupsByModelWithinThePeriod() {
        var record = new UsageRecordingService(store, store, bookkeeper, store, ByokFee.NONE, clock);
        record.record(usage("gen-1", "org_a", "ws_1", "key_1", "a/x", "0.1", Instant.parse("2026-11-01T00:00:00Z")));
        record.record(usage("gen-2", "org_a", "ws_2", "key_2", "a/x", "0.2", Instant.parse("2026-11-30T23:59:59Z")));
        record.record(usage("gen-3", "org_a", "ws_1", "key_1", "b/y", "0.0000000001", NOW));
        record.record(usage("gen-4", "org_a", "ws_1", "key_1", "a/x", "5", Instant.parse("2026-12-01T00:00:00Z")));
        record.record(usage("gen-5", "org_b", "ws_9", "key_9", "a/x", "5", NOW));

        var report = reporting.report(UsageReportRequest.of("org_a", "2026-11-01", "2026-12-01", "model", NOW));

        assertThat(report.rows()).extracting(r -> r.group() + "=" + r.requests() + "/" + r.cost().toPlainString())
                .containsExactly("a/x=2/0.3000000000", "b/y=1/0.0000000001");
        assertThat(report.total().cost()).isEqualTo(new BigDecimal("0.3000000001"));
        assertThat(report.total().promptTokens()).isEqualTo(360);
    }

    @Test
    void usageRequestDefaultsToTheCurrentMonthGroupedByModel() {
        var request = UsageReportRequest.of("org_a", null, null, null, NOW);
        assertThat(request.period().from()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(request.period().to()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(request.grouping()).isEqualTo(UsageGrouping.MODEL);
        assertField(() -> UsageReportRequest.of("org_a", "2026-13-01", null, null, NOW), "from");
        assertField(() -> UsageReportRequest.of("org_a", null, "yesterday", null, NOW), "to");
        assertField(() -> UsageReportRequest.of("org_a", "2026-11-02", "2026-11-01", null, NOW), "to");
        assertField(() -> UsageReportRequest.of("org_a", null, null, "hour", NOW), "group_by");
    }

    private static void assertField(Runnable command, String field) {
        assertThatThrownBy(command::run).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }
}
