package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Usage of one model through one provider on one UTC day; {@code byokCost} is the part of
 * {@code cost} the workspace's own provider keys paid, the other amounts mean what they mean in a
 * {@link UsageRow}.
 */
public record ActivityLine(LocalDate day, String model, String provider, long requests, long promptTokens,
        long completionTokens, BigDecimal cost, BigDecimal byokCost, BigDecimal byokFee, BigDecimal charged) {
}
