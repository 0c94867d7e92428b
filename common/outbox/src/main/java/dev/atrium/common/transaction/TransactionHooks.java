package dev.atrium.common.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntConsumer;

/**
 * Runs code once the caller's JTA transaction has ended: the one way every service waits for an outcome
 * (waking the outbox relay, counting what was booked, forgetting a cached value).
 */
@ApplicationScoped
public class TransactionHooks {

    private final TransactionSynchronizationRegistry transactions;

    public TransactionHooks(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * After the transaction commits, never after a rollback; at once when no transaction is active, since
     * nothing the caller did is waiting for a commit then.
     */
    public void afterCommit(Runnable action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        afterCompletion(status -> {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        });
    }

    /** After the transaction ends, committed or rolled back; at once outside a transaction. */
    public void afterEnd(Runnable action) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            action.run();
            return;
        }
        afterCompletion(status -> action.run());
    }

    private void afterCompletion(IntConsumer action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // only the outcome matters
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status);
            }
        });
    }
}
