package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
import java.math.BigDecimal;

/** A counter's settled spend (without and with BYOK) and what requests in flight hold. */
public record CounterState(BigDecimal spent, BigDecimal spentByok, BigDecimal reserved) {

    public static final CounterState EMPTY = new CounterState(Money.ZERO, Money.ZERO, Money.ZERO);

    public CounterState {
        spent = Money.of(spent);
        spentByok = Money.of(spentByok);
        reserved = Money.of(reserved);
    }

    public BigDecimal spent(boolean includeByok) {
        return includeByok ? spent.add(spentByok) : spent;
    }
}
