package dev.atrium.guardrail.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The most a request can cost: estimated prompt tokens x the highest prompt price, plus the
 * completion tokens it may produce x the highest completion price, among the requested models.
 * Completion tokens are the request's max_tokens, else the largest max completion of the models,
 * else a configured default.
 */
public final class WorstCase {

    private WorstCase() {
    }

    public static BigDecimal of(List<ModelPrice> prices, long promptTokens, Integer maxTokens, int defaultMaxTokens) {
        BigDecimal prompt = prices.stream().map(ModelPrice::prompt).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal completion = prices.stream().map(ModelPrice::completion).max(BigDecimal::compareTo).orElseThrow();
        long completionTokens = maxTokens != null ? maxTokens
                : prices.stream().map(ModelPrice::maxCompletionTokens).filter(Objects::nonNull)
                        .mapToLong(Integer::longValue).max().orElse(defaultMaxTokens);
        return prompt.multiply(BigDecimal.valueOf(Math.max(0, promptTokens)))
                .add(completion.multiply(BigDecimal.valueOf(completionTokens)))
                .setScale(Money.SCALE, RoundingMode.HALF_EVEN);
    }
}
