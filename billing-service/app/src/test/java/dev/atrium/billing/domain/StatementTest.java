package dev.atrium.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTest {

    private static final UsageScope WS = UsageScope.workspace(new KnownWorkspace("ws_1", "org_a"));
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void linesAreOrderedByDayThenModelWithSubtotalsAndAnExactTotal() {
        var statement = Statement.of(WS, NOVEMBER, List.of(
                line("2026-11-04", "b/y", 1, "0.0000000001"),
                line("2026-11-03", "b/y", 2, "1.5"),
                line("2026-11-03", "a/x", 3, "0.1234567891")), Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(statement.lines()).extracting(l -> l.day() + " " + l.model())
                .containsExactly("2026-11-03 a/x", "2026-11-03 b/y", "2026-11-04 b/y");
        assertThat(statement.byModel()).extracting(UsageRow::group).containsExactly("a/x", "b/y");
        assertThat(statement.byModel().get(1).requests()).isEqualTo(3);
        assertThat(statement.byModel().get(1).cost()).isEqualByComparingTo("1.5000000001");
        assertThat(statement.byDay()).extracting(UsageRow::group).containsExactly("2026-11-03", "2026-11-04");
        assertThat(statement.byDay().get(0).cost()).isEqualByComparingTo("1.6234567891");
        assertThat(statement.total().requests()).isEqualTo(6);
        assertThat(statement.total().promptTokens()).isEqualTo(60);
        assertThat(statement.total().cost()).isEqualTo(new BigDecimal("1.6234567892"));
        assertThat(statement.closed()).isTrue();
    }

    @Test
    void aMonthInProgressIsNotClosedAndCoversWholeUtcDays() {
        var statement = Statement.of(WS, NOVEMBER, List.of(), Instant.parse("2026-11-30T23:59:59Z"));

        assertThat(statement.closed()).isFalse();
        assertThat(statement.period()).isEqualTo(new UsagePeriod(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-12-01")));
        assertThat(statement.total().cost()).isEqualByComparingTo("0");
        assertThat(statement.byModel()).isEmpty();
    }

    @Test
    void lowBalanceIsCrossedOnlyGoingDownThroughTheThreshold() {
        var threshold = new LowBalanceThreshold(new BigDecimal("5"));

        assertThat(threshold.crossedDownward(Money.of("5"), Money.of("4.9999999999"))).isTrue();
        assertThat(threshold.crossedDownward(Money.of("6"), Money.of("5"))).isFalse();
        assertThat(threshold.crossedDownward(Money.of("4"), Money.of("3"))).isFalse();
        assertThat(threshold.crossedDownward(Money.of("3"), Money.of("6"))).isFalse();
        assertThat(threshold.crossedDownward(Money.of("100"), Money.of("-1"))).isTrue();
    }

    private static StatementLine line(String day, String model, long requests, String cost) {
        return new StatementLine(LocalDate.parse(day), model, requests, requests * 10, requests * 2, Money.of(cost),
                Money.ZERO, Money.of(cost));
    }
}
