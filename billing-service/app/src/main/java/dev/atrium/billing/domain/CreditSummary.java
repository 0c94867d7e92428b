package dev.atrium.billing.domain;

import java.math.BigDecimal;

/**
 * An organization's credits in OpenRouter's terms: everything ever added, and what usage took.
 * Usage is derived from the balance, which the ledger keeps exact: credits in minus charges out.
 */
public record CreditSummary(String organizationId, BigDecimal totalCredits, BigDecimal balance) {

    public BigDecimal totalUsage() {
        return Money.of(totalCredits.subtract(balance));
    }
}
