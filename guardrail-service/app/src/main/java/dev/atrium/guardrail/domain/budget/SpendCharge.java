package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
import java.math.BigDecimal;

/** What settled generations add to one counter: their costs, BYOK apart. */
public record SpendCharge(BigDecimal spent, BigDecimal spentByok) {

    public static final SpendCharge NONE = new SpendCharge(Money.ZERO, Money.ZERO);

    public SpendCharge {
        spent = Money.of(spent);
        spentByok = Money.of(spentByok);
    }

    public static SpendCharge of(BigDecimal cost, boolean byok) {
        return byok ? new SpendCharge(Money.ZERO, cost) : new SpendCharge(cost, Money.ZERO);
    }

    public SpendCharge plus(SpendCharge other) {
        return new SpendCharge(spent.add(other.spent), spentByok.add(other.spentByok));
    }
}
