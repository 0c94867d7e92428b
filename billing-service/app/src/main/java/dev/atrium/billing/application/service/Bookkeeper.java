package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.out.BalanceEventPublisher;
import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.LedgerTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Posts a transaction and announces the new balance, both in the caller's transaction. */
@ApplicationScoped
public class Bookkeeper {

    private final LedgerRepository ledger;
    private final BalanceEventPublisher events;

    public Bookkeeper(LedgerRepository ledger, BalanceEventPublisher events) {
        this.ledger = ledger;
        this.events = events;
    }

    Balance post(LedgerTransaction transaction) {
        Balance balance = ledger.post(transaction);
        events.balanceChanged(balance, transaction.kind(), transaction.reference());
        return balance;
    }
}
