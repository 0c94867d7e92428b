package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Usage of one model on one UTC day. */
public record StatementLine(LocalDate day, String model, long requests, long promptTokens, long completionTokens,
        BigDecimal cost) {

    UsageRow asRow(String group) {
        return new UsageRow(group, requests, promptTokens, completionTokens, cost);
    }
}
