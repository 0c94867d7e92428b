package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.CounterState;
import dev.atrium.guardrail.domain.CreditState;
import dev.atrium.guardrail.domain.RateCounter;
import dev.atrium.guardrail.domain.RateState;
import dev.atrium.guardrail.domain.SpendCounter;
import java.util.Map;
import java.util.SortedSet;

/**
 * What a check reads before it decides, taken together (one round trip on PostgreSQL): the rate
 * counters, locked and counting the request on each; the spend counters, locked; the organization's
 * credit, read but not locked (the hold reserves it conditionally, see {@link BudgetLedger#hold}).
 * Each set of counters is locked in its natural order and rates before spend, as every other writer
 * locks, so concurrent checks, settlements and expiries queue instead of deadlocking. The rows stay
 * locked until the transaction ends; a check that then refuses calls {@link #refuse()}.
 */
public interface AdmissionLocks {

    Locked lock(Request request);

    /**
     * Takes back everything this check's transaction wrote, its counts and a refused hold: the
     * transaction rolls back when it ends instead of committing.
     */
    void refuse();

    /**
     * @param commitWithoutWaitingForDisk the transaction may commit without waiting for its log to
     *        reach the disk (docs/adr/0004-reservation-write-path.md): a crash may lose the last
     *        moments of holds and rate counts, which loosens a limit briefly but never loses spend
     * @param tokens counted on every rate counter with the request
     * @param creditOrganizationId whose credit to read; null for none
     */
    record Request(boolean commitWithoutWaitingForDisk, SortedSet<RateCounter> rates, long tokens,
            SortedSet<SpendCounter> counters, String creditOrganizationId) {
    }

    /**
     * The rows as they stood before this request: counters created by this call are at zero;
     * {@code credit} is null when none was asked for or billing has not reported a balance yet.
     */
    record Locked(Map<RateCounter, RateState> rates, Map<SpendCounter, CounterState> counters, CreditState credit) {
    }
}
