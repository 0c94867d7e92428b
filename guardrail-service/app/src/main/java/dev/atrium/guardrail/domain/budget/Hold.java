package dev.atrium.guardrail.domain.budget;

import java.math.BigDecimal;

/** What a reservation holds on one counter. */
public record Hold(SpendCounter counter, BigDecimal amount) {
}
