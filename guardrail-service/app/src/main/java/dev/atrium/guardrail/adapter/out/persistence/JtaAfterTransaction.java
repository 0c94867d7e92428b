package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.AfterTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The action runs after the JTA transaction completes, committed or rolled back. */
@ApplicationScoped
class JtaAfterTransaction implements AfterTransaction {

    private final TransactionSynchronizationRegistry transactions;

    JtaAfterTransaction(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    @Override
    public void run(Runnable action) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }
}
