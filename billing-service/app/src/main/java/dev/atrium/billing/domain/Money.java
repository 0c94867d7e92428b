package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is USD in BigDecimal at scale 10, rounded HALF_EVEN: the ledger's NUMERIC(30,10). */
public final class Money {

    public static final int SCALE = 10;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final String CURRENCY = "USD";
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    /** Far below NUMERIC(30,10)'s 20 integer digits, so sums of many amounts still fit. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private Money() {
    }

    /** The amount at the ledger's scale, rounded by the documented rule. */
    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING);
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    /** True when the amount is representable at scale 10 without rounding. */
    public static boolean isExact(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= SCALE;
    }
}
