package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the platform charges for a generation the workspace's own provider key paid for: a
 * percentage of the upstream cost. The product is exact and rounded once, at the ledger's scale
 * (10 decimals, HALF_EVEN), so a fee is never a fraction of the smallest amount the ledger holds.
 */
public record ByokFee(BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final ByokFee NONE = new ByokFee(BigDecimal.ZERO);

    public ByokFee {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("the BYOK fee must be a percentage from 0 to 100, not "
                    + percent.toPlainString());
        }
    }

    /** The fee on an upstream cost. */
    public BigDecimal on(BigDecimal upstreamCost) {
        return Money.of(upstreamCost.multiply(percent).movePointLeft(2));
    }
}
