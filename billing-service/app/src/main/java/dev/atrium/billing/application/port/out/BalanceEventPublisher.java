package dev.atrium.billing.application.port.out;

import dev.atrium.billing.domain.BalanceEvent;
import java.util.List;

/** Publishes in the caller's transaction (an outbox), so a balance and its events never part. */
public interface BalanceEventPublisher {

    /** The events of one posting, in the order consumers must see them. */
    void publish(List<BalanceEvent> events);
}
