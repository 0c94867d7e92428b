package dev.atrium.routing.api;

import java.math.BigDecimal;

/** {@code provider.max_price}: USD per token, exact; a null side means no limit on it. */
public record MaxPrice(BigDecimal prompt, BigDecimal completion) {
}
