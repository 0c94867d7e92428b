package dev.atrium.guardrail.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts: scale 10, half-even (DESIGN.md, Money). */
public final class Money {

    public static final int SCALE = 10;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
