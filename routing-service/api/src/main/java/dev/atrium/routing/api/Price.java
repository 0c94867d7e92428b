package dev.atrium.routing.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD per token, exact. The catalogue keeps prices per million tokens; APIs carry per token. */
public record Price(BigDecimal prompt, BigDecimal completion) {

    public static final int SCALE = 10;

    public Price {
        if (prompt == null || completion == null || prompt.signum() < 0 || completion.signum() < 0) {
            throw new IllegalArgumentException("prices must be present and not negative");
        }
    }

    public static Price perMillion(BigDecimal promptPerMillion, BigDecimal completionPerMillion) {
        return new Price(perToken(promptPerMillion), perToken(completionPerMillion));
    }

    /** tokens x the per-token prices, at scale 10, HALF_EVEN. */
    public BigDecimal cost(long promptTokens, long completionTokens) {
        return prompt.multiply(BigDecimal.valueOf(promptTokens))
                .add(completion.multiply(BigDecimal.valueOf(completionTokens)))
                .setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal perToken(BigDecimal perMillion) {
        return perMillion.divide(BigDecimal.valueOf(1_000_000), SCALE + 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
