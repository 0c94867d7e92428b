package dev.atrium.billing.adapter.out.messaging;

import dev.atrium.billing.api.BalanceChanged;
import dev.atrium.billing.api.BillingEvents;
import dev.atrium.billing.api.LowBalance;
import dev.atrium.billing.application.port.out.BalanceEventPublisher;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.LowBalanceThreshold;
import dev.atrium.billing.domain.Money;
import dev.atrium.billing.domain.TransactionKind;
import dev.atrium.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class OutboxBalanceEventPublisher implements BalanceEventPublisher {

    private final Outbox outbox;

    OutboxBalanceEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void balanceChanged(Balance balance, TransactionKind cause, String reference) {
        outbox.append(BillingEvents.BALANCE_TOPIC, balance.organizationId(), BillingEvents.BALANCE_CHANGED,
                BillingEvents.SOURCE, new BalanceChanged(balance.organizationId(), balance.amount(), Money.CURRENCY,
                        balance.revision(), cause.wire(), reference, balance.updatedAt()));
    }

    @Override
    public void lowBalance(Balance balance, LowBalanceThreshold threshold, String reference) {
        outbox.append(BillingEvents.BALANCE_TOPIC, balance.organizationId(), BillingEvents.LOW_BALANCE,
                BillingEvents.SOURCE, new LowBalance(balance.organizationId(), balance.amount(), threshold.amount(),
                        Money.CURRENCY, balance.revision(), reference, balance.updatedAt()));
    }
}
