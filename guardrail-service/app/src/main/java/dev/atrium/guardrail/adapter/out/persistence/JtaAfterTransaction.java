package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.common.transaction.TransactionHooks;
import dev.atrium.guardrail.application.port.out.AfterTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** The action runs after the JTA transaction completes, committed or rolled back. */
@ApplicationScoped
class JtaAfterTransaction implements AfterTransaction {

    private final TransactionHooks transactions;

    JtaAfterTransaction(TransactionHooks transactions) {
        this.transactions = transactions;
    }

    @Override
    public void run(Runnable action) {
        transactions.afterEnd(action);
    }
}
