package dev.atrium.guardrail.domain.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A request's worst case held against every counter a budget of it watches and against its
 * organization's credits ({@code creditHold} null when the balance is not known), until the usage
 * record settles it, the gateway releases it, it expires, or a later life of its {@code holder} (null: a
 * caller that named none) gives it back.
 */
public record Reservation(String id, String organizationId, List<Hold> holds, BigDecimal creditHold,
        Instant createdAt, Instant expiresAt, Holder holder) {

    public Reservation {
        holds = List.copyOf(holds);
    }

    public Reservation(String id, String organizationId, List<Hold> holds, BigDecimal creditHold, Instant createdAt,
            Instant expiresAt) {
        this(id, organizationId, holds, creditHold, createdAt, expiresAt, null);
    }

    /** The worst case held: the same amount on every counter and on the credit. */
    public BigDecimal amount() {
        return creditHold != null ? creditHold : holds.isEmpty() ? BigDecimal.ZERO : holds.get(0).amount();
    }
}
