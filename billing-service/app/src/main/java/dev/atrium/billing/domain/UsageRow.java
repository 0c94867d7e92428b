package dev.atrium.billing.domain;

import java.math.BigDecimal;

/** Totals of one group of generations; {@code group} is null for the report's total. */
public record UsageRow(String group, long requests, long promptTokens, long completionTokens, BigDecimal cost) {

    /** Both rows' totals, under this row's group. */
    public UsageRow plus(UsageRow other) {
        return new UsageRow(group, requests + other.requests, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, Money.of(cost.add(other.cost)));
    }
}
