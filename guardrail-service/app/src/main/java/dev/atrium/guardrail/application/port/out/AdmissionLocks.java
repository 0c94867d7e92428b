package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.budget.Hold;
import dev.atrium.guardrail.domain.budget.Reservation;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import dev.atrium.guardrail.domain.rate.RateCounter;
import dev.atrium.guardrail.domain.rate.RateState;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * What a check reads and writes, taken together and committed on their own (one round trip on
 * PostgreSQL): the rate counters, locked and counting the request on each; the spend counters,
 * locked; the organization's credit, read but not locked; and, when asked, the reservation's hold,
 * taken before the check has judged the rows, since most checks are admitted. The hold reserves the
 * credit hold only if the organization's credit still covers it under the row's lock
 * ({@link CreditState#shortFor}): other checks may have held some since it was read; when it does
 * not, nothing of the hold is written. A check that is then refused calls {@link #refuse}, which
 * takes back its counts and its hold, also committed on its own.
 * Each set of counters is locked in its natural order and rates before spend, as every other writer
 * locks, so concurrent checks, settlements and expiries queue instead of deadlocking. The rows are
 * locked until the call commits: between a refused check's call and its refusal, others see its
 * counts and hold, and may be refused for them (never admitted), which ADR 0004 accepts.
 */
public interface AdmissionLocks {

    Locked lock(Request request);

    /**
     * The rows {@link #lock} would lock, as they stand: nothing locked, counted, held or written (a dry
     * run). Missing rows are absent; {@code held} is true.
     */
    Locked peek(Request request);

    /**
     * Takes back what {@link #lock} wrote for a check that is refused: the request's count on each
     * rate counter and, when {@code locked.held()}, the hold.
     */
    void refuse(Request request, Locked locked);

    /**
     * @param commitWithoutWaitingForDisk the call (and a refusal's) may commit without waiting for its log
     *        to reach the disk (docs/adr/0004-reservation-write-path.md): a crash may lose the last
     *        moments of holds and rate counts, which loosens a limit briefly but never loses spend
     * @param tokens counted on every rate counter with the request
     * @param creditOrganizationId whose credit to read; null for none
     * @param hold the reservation to hold, on exactly these spend counters; null for none
     */
    record Request(boolean commitWithoutWaitingForDisk, SortedSet<RateCounter> rates, long tokens,
            SortedSet<SpendCounter> counters, String creditOrganizationId, Reservation hold) {

        public Request {
            if (hold != null && !hold.holds().stream().map(Hold::counter).collect(Collectors.toSet())
                    .equals(Set.copyOf(counters))) {
                throw new IllegalArgumentException("A hold is on exactly the counters locked");
            }
        }

        public Request(boolean commitWithoutWaitingForDisk, SortedSet<RateCounter> rates, long tokens,
                SortedSet<SpendCounter> counters, String creditOrganizationId) {
            this(commitWithoutWaitingForDisk, rates, tokens, counters, creditOrganizationId, null);
        }
    }

    /**
     * The rows as they stood before this request: counters created by this call are at zero;
     * {@code credit} is null when none was asked for or no balance is known (which means none).
     *
     * @param held false when a hold was asked and the credit no longer covered its credit hold (nothing
     *             of the hold was written, and the caller must refuse); true otherwise
     */
    record Locked(Map<RateCounter, RateState> rates, Map<SpendCounter, CounterState> counters, CreditState credit,
            boolean held) {
    }
}
