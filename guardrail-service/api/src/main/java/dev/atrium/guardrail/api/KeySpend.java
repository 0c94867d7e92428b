package dev.atrium.guardrail.api;

import java.math.BigDecimal;

/**
 * {@code GET /internal/v1/keys/{key}/spend}: what a key has spent, in USD, in total and in the
 * current UTC day, ISO week (from Monday) and month. {@code limit}, {@code limitRemaining} and
 * {@code limitReset} are null for a key without a limit or not yet known to the guardrail.
 */
public record KeySpend(
        String keyId,
        BigDecimal usage,
        BigDecimal usageDaily,
        BigDecimal usageWeekly,
        BigDecimal usageMonthly,
        BigDecimal limit,
        BigDecimal limitRemaining,
        String limitReset) {
}
