package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** The balance below which an organization is warned, once each time its balance falls through it. */
public record LowBalanceThreshold(BigDecimal amount) {

    public LowBalanceThreshold {
        Objects.requireNonNull(amount, "amount");
        amount = Money.of(amount);
    }

    /** True when the balance went from the threshold or above to below it. */
    public boolean crossedDownward(BigDecimal before, BigDecimal after) {
        return before.compareTo(amount) >= 0 && after.compareTo(amount) < 0;
    }
}
