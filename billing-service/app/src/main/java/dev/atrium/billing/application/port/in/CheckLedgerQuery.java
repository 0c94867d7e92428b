package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.LedgerInvariants;

/** Recomputes an organization's books from its entries, for operators and auditors. */
public interface CheckLedgerQuery {

    LedgerInvariants check(String organizationId);
}
