package dev.atrium.billing.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An organization's credit balance after a ledger transaction, published on
 * {@value BillingEvents#BALANCE_TOPIC}. {@code revision} grows by one with every change of the
 * balance, so a consumer keeps the event with the highest revision and ignores older ones. Usage
 * booked in one batch is announced once per organization, with the last revision: revisions may skip.
 *
 * @param cause     {@code top_up}, {@code grant}, {@code usage} or {@code byok_fee}
 * @param reference the credit id or the generation id that changed the balance (the last one of a batch)
 */
public record BalanceChanged(
        String organizationId,
        BigDecimal balance,
        String currency,
        long revision,
        String cause,
        String reference,
        Instant changedAt) {
}
