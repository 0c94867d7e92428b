package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.BalanceMove;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.billing.domain.LedgerTransaction;
import java.util.List;
import java.util.Optional;

public interface LedgerRepository {

    /**
     * Writes the transactions' entries and moves the balances of the accounts they touch (opening
     * them on first use), in the caller's transaction.
     *
     * @return how each organization's credits balance moved, one per organization
     */
    List<BalanceMove> postAll(List<LedgerTransaction> transactions);

    /** Empty when the organization has no credits account yet. */
    Optional<Balance> balance(String organizationId);

    /** Up to {@code limit} entries, newest first, older than {@code beforeSequence} when given. */
    List<LedgerEntry> entries(String organizationId, Long beforeSequence, int limit);

    LedgerInvariants invariants(String organizationId);

    /** The invariants of every organization whose books do not hold. */
    List<LedgerInvariants> violations();
}
