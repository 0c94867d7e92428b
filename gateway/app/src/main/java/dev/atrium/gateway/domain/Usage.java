package dev.atrium.gateway.domain;

import dev.atrium.routing.api.Price;
import java.math.BigDecimal;

/** Tokens an upstream reported, priced once at the quote the route plan carried. */
public record Usage(long promptTokens, long completionTokens) {

    public BigDecimal cost(Price quote) {
        return quote.cost(promptTokens, completionTokens);
    }
}
