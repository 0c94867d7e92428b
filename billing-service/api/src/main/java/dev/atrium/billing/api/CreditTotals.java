package dev.atrium.billing.api;

import java.math.BigDecimal;

/**
 * {@code GET /internal/v1/organizations/{org}/credits}: every credit ever added to the organization
 * (top-ups and grants), what its usage has taken from them (costs and BYOK fees), and what is left.
 * {@code totalCredits - totalUsage = balance}; all zero for an organization billing has not met.
 */
public record CreditTotals(
        String organizationId,
        BigDecimal totalCredits,
        BigDecimal totalUsage,
        BigDecimal balance) {
}
