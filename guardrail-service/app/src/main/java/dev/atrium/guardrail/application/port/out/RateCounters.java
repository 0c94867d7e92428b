package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.RateCounter;
import dev.atrium.guardrail.domain.RateState;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Per-minute request and token counts, shared by every guardrail instance. */
public interface RateCounters {

    /**
     * Locks the counters (creating missing ones) in their natural order until the transaction ends
     * and counts one request of {@code tokens} tokens on each; returns the counts before this
     * request. A check that then refuses the request calls {@link #discardCounts()}.
     */
    Map<RateCounter, RateState> lockAndCount(Collection<RateCounter> counters, long tokens);

    /**
     * Takes this transaction's counts back: the transaction rolls back when it ends, so a refused
     * check must have written nothing else that should stay (it has not: its holds come after).
     */
    void discardCounts();

    /** Drops the minutes that started before {@code minuteStart}; returns how many. */
    int forgetBefore(Instant minuteStart);
}
