package dev.atrium.billing.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An organization's balance fell below the low-balance threshold, published on
 * {@value BillingEvents#BALANCE_TOPIC} beside the {@link BalanceChanged} of the same change: once
 * per crossing downward, again only after the balance has risen to the threshold or above.
 *
 * @param reference the generation id (or credit id) of the change that crossed the threshold; for
 *                  usage booked in one batch, the batch's last generation of the organization
 */
public record LowBalance(
        String organizationId,
        BigDecimal balance,
        BigDecimal threshold,
        String currency,
        long revision,
        String reference,
        Instant crossedAt) {
}
