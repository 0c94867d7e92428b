package dev.atrium.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingTest {

    @Test
    void reportTotalIsTheExactSumOfItsRows() {
        var period = new UsagePeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"));
        var report = UsageReport.of("org_a", period, UsageGrouping.MODEL, List.of(
                new UsageRow("a/x", 2, 30, 40, new BigDecimal("0.0000000001"), Money.ZERO,
                        new BigDecimal("0.0000000001")),
                new UsageRow("b/y", 1, 5, 7, new BigDecimal("0.2999999999"), new BigDecimal("0.0149999999"),
                        new BigDecimal("0.0149999999"))));

        assertThat(report.total()).isEqualTo(new UsageRow(null, 3, 35, 47, new BigDecimal("0.3000000000"),
                new BigDecimal("0.0149999999"), new BigDecimal("0.0150000000")));
    }

    @Test
    void defaultPeriodIsTheUtcCalendarMonth() {
        var month = UsagePeriod.monthOf(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(month.from()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(month.to()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(month.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void periodMustEndAfterItStarts() {
        assertThatThrownBy(() -> new UsagePeriod(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-02")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupingsNameTheirColumn() {
        assertThat(UsageGrouping.parse("workspace").key()).isEqualTo("workspace_id");
        assertThat(UsageGrouping.parse("key").key()).isEqualTo("key_id");
        assertThat(UsageGrouping.parse("day").key()).isEqualTo("day");
        assertThatThrownBy(() -> UsageGrouping.parse("MODEL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ledgerCursorRoundTripsAndRefusesForeignText() {
        assertThat(LedgerCursor.decode(LedgerCursor.encode(4711))).isEqualTo(4711);
        assertThat(LedgerCursor.encode(4711)).doesNotContain("4711");
        assertThatThrownBy(() -> LedgerCursor.decode("!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerCursor.decode("NDcxMQ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerCursor.decode(LedgerCursor.encode(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsDependOnEveryFieldAndItsBoundaries() {
        assertThat(Fingerprint.of("a", "bc")).isEqualTo(Fingerprint.of("a", "bc")).hasSize(64)
                .isNotEqualTo(Fingerprint.of("ab", "c"));
        assertThat(Fingerprint.of("a", null)).isNotEqualTo(Fingerprint.of("a", ""));
    }

    @Test
    void idempotencyKeysArePrintableAndBounded() {
        assertThat(IdempotencyKey.isWellFormed("4f1c-retry-1")).isTrue();
        assertThat(IdempotencyKey.isWellFormed(" ")).isFalse();
        assertThat(IdempotencyKey.isWellFormed("k".repeat(256))).isFalse();
        assertThat(IdempotencyKey.isWellFormed("line\nbreak")).isFalse();
        assertThat(IdempotencyKey.expiredBefore(Instant.parse("2026-11-26T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
    }
}
