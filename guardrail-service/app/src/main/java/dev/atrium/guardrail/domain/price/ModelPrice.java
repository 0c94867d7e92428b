package dev.atrium.guardrail.domain.price;

import java.math.BigDecimal;

/** A model's highest per-token prices among its endpoints, and its largest completion (null: unknown). */
public record ModelPrice(String model, BigDecimal prompt, BigDecimal completion, Integer maxCompletionTokens) {
}
