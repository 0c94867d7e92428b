package dev.atrium.guardrail.application.port.out;

import java.time.Instant;

/** Per-minute request and token counts, shared by every guardrail instance; {@link AdmissionLocks} counts them. */
public interface RateCounters {

    /**
     * Takes back the counts this transaction made with {@link AdmissionLocks}: the transaction rolls
     * back when it ends, so a refused check must have written nothing else that should stay (it has
     * not: its holds come after).
     */
    void discardCounts();

    /** Drops the minutes that started before {@code minuteStart}; returns how many. */
    int forgetBefore(Instant minuteStart);
}
