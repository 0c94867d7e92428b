package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.LedgerInvariants;
import dev.atrium.billing.domain.LedgerTransaction;
import java.util.List;
import java.util.Optional;

public interface LedgerRepository {

    /**
     * Writes the transaction's entries and moves the balances of the accounts it touches (opening
     * them on first use), in the caller's transaction.
     *
     * @return the organization's balance after it
     */
    Balance post(LedgerTransaction transaction);

    /** Empty when the organization has no credits account yet. */
    Optional<Balance> balance(String organizationId);

    /** Up to {@code limit} entries, newest first, older than {@code beforeSequence} when given. */
    List<LedgerEntry> entries(String organizationId, Long beforeSequence, int limit);

    LedgerInvariants invariants(String organizationId);
}
