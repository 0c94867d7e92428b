package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.LowBalanceThreshold;
import dev.atrium.billing.domain.TransactionKind;

/** Publishes in the caller's transaction (an outbox), so a balance and its events never part. */
public interface BalanceEventPublisher {

    void balanceChanged(Balance balance, TransactionKind cause, String reference);

    void lowBalance(Balance balance, LowBalanceThreshold threshold, String reference);
}
