package dev.atrium.guardrail.api;

import java.math.BigDecimal;

/**
 * A key's spend, in USD, in total and in the current UTC day, ISO week (from Monday) and month, as
 * OpenRouter's key answers it: {@code byokUsage*} is the part of {@code usage*} made with the workspace's
 * own provider keys (what they paid upstream). {@code limit}, {@code limitRemaining} and {@code limitReset}
 * are null for a key without a limit or not yet known to the guardrail. Served by
 * {@code GET /internal/v1/keys/{key}/spend} (the gateway's {@code GET /api/v1/key}) and, for a page of
 * keys, by {@code GET /api/v1/workspaces/{ws}/keys/spend} ({@link KeySpends}).
 */
public record KeySpend(
        String keyId,
        BigDecimal usage,
        BigDecimal usageDaily,
        BigDecimal usageWeekly,
        BigDecimal usageMonthly,
        BigDecimal byokUsage,
        BigDecimal byokUsageDaily,
        BigDecimal byokUsageWeekly,
        BigDecimal byokUsageMonthly,
        BigDecimal limit,
        BigDecimal limitRemaining,
        String limitReset) {

    /** A window an answer leaves out (a guardrail older than the field) reads as nothing spent. */
    public KeySpend {
        usage = spent(usage);
        usageDaily = spent(usageDaily);
        usageWeekly = spent(usageWeekly);
        usageMonthly = spent(usageMonthly);
        byokUsage = spent(byokUsage);
        byokUsageDaily = spent(byokUsageDaily);
        byokUsageWeekly = spent(byokUsageWeekly);
        byokUsageMonthly = spent(byokUsageMonthly);
    }

    /** A key that has spent nothing yet: its whole limit remains. */
    public static KeySpend unspent(String keyId, BigDecimal limit, String limitReset) {
        return new KeySpend(keyId, null, null, null, null, null, null, null, null, limit, limit, limitReset);
    }

    private static BigDecimal spent(BigDecimal window) {
        return window == null ? BigDecimal.ZERO : window;
    }
}
