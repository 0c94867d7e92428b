package dev.atrium.billing.domain;

/** What a posting tells the other services about an organization's balance. */
public sealed interface BalanceEvent {

    Balance balance();

    /** The credit id or generation id of the (last) change. */
    String reference();

    /** The balance after a change; a batch announces one per organization, the last. */
    record Changed(Balance balance, TransactionKind cause, String reference) implements BalanceEvent {
    }

    /** The balance fell through the low-balance threshold with this change. */
    record Low(Balance balance, LowBalanceThreshold threshold, String reference) implements BalanceEvent {
    }
}
