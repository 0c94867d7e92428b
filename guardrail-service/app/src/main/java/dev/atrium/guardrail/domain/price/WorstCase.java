package dev.atrium.guardrail.domain.price;

import dev.atrium.guardrail.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The most a request can cost: estimated prompt tokens x the highest prompt price, plus the completion
 * tokens it may produce x the highest completion price, among the requested models. Each choice may write
 * {@code completionTokens}: the request's max_tokens, else the largest max completion of the models, else a
 * configured default; the gateway makes that bound true (it sends it as max_tokens and cuts a stream past it).
 *
 * @param amount           null when no price of the models is known
 * @param completionTokens per choice
 */
public record WorstCase(BigDecimal amount, long completionTokens) {

    public static WorstCase of(List<ModelPrice> prices, long promptTokens, Integer maxTokens, int choices,
            int defaultMaxTokens) {
        long completionTokens = maxTokens != null ? maxTokens
                : prices.stream().map(ModelPrice::maxCompletionTokens).filter(Objects::nonNull)
                        .mapToLong(Integer::longValue).max().orElse(defaultMaxTokens);
        if (prices.isEmpty()) {
            return new WorstCase(null, completionTokens);
        }
        BigDecimal prompt = prices.stream().map(ModelPrice::prompt).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal completion = prices.stream().map(ModelPrice::completion).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal amount = prompt.multiply(BigDecimal.valueOf(Math.max(0, promptTokens)))
                .add(completion.multiply(BigDecimal.valueOf(completionTokens * Math.max(1, choices))))
                .setScale(Money.SCALE, RoundingMode.HALF_EVEN);
        return new WorstCase(amount, completionTokens);
    }
}
