package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Usage of one model on one UTC day; the amounts mean what they mean in a {@link UsageRow}. */
public record StatementLine(LocalDate day, String model, long requests, long promptTokens, long completionTokens,
        BigDecimal cost, BigDecimal byokFee, BigDecimal charged) {

    UsageRow asRow(String group) {
        return new UsageRow(group, requests, promptTokens, completionTokens, cost, byokFee, charged);
    }
}
