package dev.atrium.gateway.domain;

import dev.atrium.routing.api.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a generation is charged: its tokens at the route's quote, never more than the worst case guardrail
 * reserved for its request. A provider that wrote past what it was asked for (or counts tokens otherwise)
 * leaves an {@code overrun} the operator pays and sees, never the organization's limits.
 *
 * @param cost    what the usage record carries, and so what every budget and the balance are charged
 * @param overrun what the tokens would have cost beyond the reservation; zero when within it
 */
public record Charge(BigDecimal cost, BigDecimal overrun) {

    /** @param reserved the worst case held for the request; null when nothing was held (nothing to cap) */
    public static Charge of(Usage tokens, Price quote, BigDecimal reserved) {
        BigDecimal priced = tokens.cost(quote);
        if (reserved == null || priced.compareTo(reserved) <= 0) {
            return new Charge(priced, BigDecimal.ZERO.setScale(Price.SCALE));
        }
        BigDecimal capped = reserved.setScale(Price.SCALE, RoundingMode.HALF_EVEN);
        return new Charge(capped, priced.subtract(capped));
    }
}
