package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.budget.Holder;
import dev.atrium.guardrail.domain.budget.SpendCharge;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spend counters, credit balances and reservations, shared by every guardrail instance. A check
 * locks its rows through {@link AdmissionLocks} and holds in the same call, so a check and its hold
 * are atomic.
 */
public interface BudgetLedger {

    /** The counters as they stand, without locking; missing ones are absent. */
    Map<SpendCounter, CounterState> read(Collection<SpendCounter> counters);

    /**
     * Gives a new organization a known balance of zero unless one is known already: credits fail
     * closed, and billing's first balance (any revision) replaces it. False when one was known.
     */
    boolean openCredit(String organizationId);

    /** Keeps billing's balance unless a newer revision is already known; false when skipped. */
    boolean updateBalance(String organizationId, BigDecimal balance, long revision);

    /** The organization's credit as it stands, not locked; empty while none is known (which means none). */
    Optional<CreditState> credit(String organizationId);

    /**
     * Drops the reservations still held with their holds, giving back what they held on counters and
     * credits, and adds each counter's charge to its spend, in a fixed number of statements. Locks
     * every counter involved in {@link SpendCounter}'s order first, then credit rows by organization.
     * Returns how many of the reservations were still held (the others were settled, released or
     * expired before).
     */
    int settleAll(Collection<String> reservationIds, Map<SpendCounter, SpendCharge> charges);

    /** Ids of reservations held by {@code holder}'s instance in another life than its own, oldest first. */
    List<String> heldInOtherLives(Holder holder, int limit);

    /** Ids of reservations that expired before {@code now}, oldest first. */
    List<String> expired(Instant now, int limit);
}
