package dev.atrium.billing.domain;

import java.math.BigDecimal;

/**
 * Totals of one group of generations; {@code group} is null for the report's total.
 *
 * @param cost    what the upstream providers charged, BYOK generations included
 * @param byokFee the fees on generations the workspace's own provider keys paid for
 * @param charged what the organization's credits were debited: the cost of the generations on the
 *                platform's credentials plus the BYOK fees
 */
public record UsageRow(String group, long requests, long promptTokens, long completionTokens, BigDecimal cost,
        BigDecimal byokFee, BigDecimal charged) {

    /** Both rows' totals, under this row's group. */
    public UsageRow plus(UsageRow other) {
        return new UsageRow(group, requests + other.requests, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, Money.of(cost.add(other.cost)),
                Money.of(byokFee.add(other.byokFee)), Money.of(charged.add(other.charged)));
    }

    /** A group without usage. */
    public static UsageRow none(String group) {
        return new UsageRow(group, 0, 0, 0, Money.ZERO, Money.ZERO, Money.ZERO);
    }
}
