package dev.atrium.guardrail.application.port.out;

import java.time.Instant;

/** Per-minute request and token counts, shared by every guardrail instance; {@link AdmissionLocks} counts them. */
public interface RateCounters {

    /** Drops the buckets that started before {@code bucketStart}; returns how many. */
    int forgetBefore(Instant bucketStart);
}
