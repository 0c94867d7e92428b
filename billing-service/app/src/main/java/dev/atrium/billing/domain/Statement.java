package dev.atrium.billing.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A workspace's monthly statement: cost by day and model, subtotals by model and by day, and the
 * month's total. {@code closed} once the month is over, so its figures no longer change.
 */
public record Statement(UsageScope scope, YearMonth month, List<StatementLine> lines, boolean closed) {

    public Statement {
        lines = lines.stream().sorted(Comparator.comparing(StatementLine::day).thenComparing(StatementLine::model))
                .toList();
    }

    public static Statement of(UsageScope scope, YearMonth month, List<StatementLine> lines, Instant now) {
        return new Statement(scope, month, lines, !now.isBefore(period(month).end()));
    }

    /** The month as whole UTC days. */
    public static UsagePeriod period(YearMonth month) {
        return new UsagePeriod(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public UsagePeriod period() {
        return period(month);
    }

    public List<UsageRow> byModel() {
        return subtotals(StatementLine::model);
    }

    public List<UsageRow> byDay() {
        return subtotals(l -> l.day().toString());
    }

    public UsageRow total() {
        UsageRow total = UsageRow.none(null);
        for (StatementLine line : lines) {
            total = total.plus(line.asRow(null));
        }
        return total;
    }

    private List<UsageRow> subtotals(Function<StatementLine, String> group) {
        Map<String, UsageRow> rows = new TreeMap<>();
        for (StatementLine line : lines) {
            String key = group.apply(line);
            rows.merge(key, line.asRow(key), UsageRow::plus);
        }
        return List.copyOf(rows.values());
    }
}
