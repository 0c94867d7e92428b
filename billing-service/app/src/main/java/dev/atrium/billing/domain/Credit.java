package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Credits a platform admin added to an organization's balance. */
public record Credit(String id, String organizationId, BigDecimal amount, CreditKind kind, String note,
        String createdBy, Instant createdAt) {
}
