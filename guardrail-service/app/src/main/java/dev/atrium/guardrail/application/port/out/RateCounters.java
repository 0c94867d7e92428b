package dev.atrium.guardrail.application.port.out;

import java.time.Instant;

/** Per-minute request and token counts, shared by every guardrail instance; {@link AdmissionLocks} counts them. */
public interface RateCounters {

    /** Drops the minutes that started before {@code minuteStart}; returns how many. */
    int forgetBefore(Instant minuteStart);
}
