package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.RateCounter;
import dev.atrium.guardrail.domain.RateState;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Per-minute request and token counts, shared by every guardrail instance. */
public interface RateCounters {

    /** Locks the counters (creating missing ones at zero) in their natural order until the transaction ends. */
    Map<RateCounter, RateState> lockRates(Collection<RateCounter> counters);

    /** Counts one request of {@code tokens} tokens on each counter. */
    void count(Collection<RateCounter> counters, long tokens);

    /** Drops the minutes that started before {@code minuteStart}; returns how many. */
    int forgetBefore(Instant minuteStart);
}
