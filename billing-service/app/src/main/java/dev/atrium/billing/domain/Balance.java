package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An organization's credits account: what it may still spend (negative when usage overran it).
 *
 * @param revision grows by one with every change; 0 and no {@code updatedAt} before the first
 */
public record Balance(String organizationId, BigDecimal amount, long revision, Instant updatedAt) {

    public static Balance none(String organizationId) {
        return new Balance(organizationId, Money.ZERO, 0, null);
    }
}
