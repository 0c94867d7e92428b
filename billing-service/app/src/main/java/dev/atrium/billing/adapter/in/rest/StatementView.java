package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.Statement;
import dev.atrium.billing.domain.StatementLine;
import dev.atrium.billing.domain.UsageRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A monthly statement: lines by day and model, subtotals by model and by day, and the total. The
 * amounts mean what they mean in a usage report: {@code cost} the upstream providers charged,
 * {@code byok_fee} the fees on BYOK generations, {@code charged} what the credits were debited.
 */
record StatementView(String workspaceId, String organizationId, String month, LocalDate from, LocalDate to,
        String currency, boolean closed, List<Line> lines, List<ModelTotal> byModel, List<DayTotal> byDay,
        Total total) {

    record Line(LocalDate day, String model, long requests, long promptTokens, long completionTokens,
            BigDecimal cost, BigDecimal byokFee, BigDecimal charged) {
    }

    record ModelTotal(String model, long requests, long promptTokens, long completionTokens, BigDecimal cost,
            BigDecimal byokFee, BigDecimal charged) {
    }

    record DayTotal(String day, long requests, long promptTokens, long completionTokens, BigDecimal cost,
            BigDecimal byokFee, BigDecimal charged) {
    }

    record Total(long requests, long promptTokens, long completionTokens, BigDecimal cost, BigDecimal byokFee,
            BigDecimal charged) {
    }

    static StatementView of(Statement s) {
        UsageRow t = s.total();
        return new StatementView(s.scope().workspaceId(), s.scope().organizationId(), s.month().toString(),
                s.period().from(), s.period().to(), Money.CURRENCY, s.closed(),
                s.lines().stream().map(StatementView::line).toList(),
                s.byModel().stream().map(r -> new ModelTotal(r.group(), r.requests(), r.promptTokens(),
                        r.completionTokens(), Dtos.money(r.cost()), Dtos.money(r.byokFee()),
                        Dtos.money(r.charged()))).toList(),
                s.byDay().stream().map(r -> new DayTotal(r.group(), r.requests(), r.promptTokens(),
                        r.completionTokens(), Dtos.money(r.cost()), Dtos.money(r.byokFee()),
                        Dtos.money(r.charged()))).toList(),
                new Total(t.requests(), t.promptTokens(), t.completionTokens(), Dtos.money(t.cost()),
                        Dtos.money(t.byokFee()), Dtos.money(t.charged())));
    }

    private static Line line(StatementLine l) {
        return new Line(l.day(), l.model(), l.requests(), l.promptTokens(), l.completionTokens(),
                Dtos.money(l.cost()), Dtos.money(l.byokFee()), Dtos.money(l.charged()));
    }
}
