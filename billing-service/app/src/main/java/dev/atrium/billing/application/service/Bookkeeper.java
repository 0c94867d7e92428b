package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.out.BalanceEventPublisher;
import dev.atrium.billing.application.port.out.LedgerRepository;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.BalanceEvent;
import dev.atrium.billing.domain.BalanceMove;
import dev.atrium.billing.domain.LedgerTransaction;
import dev.atrium.billing.domain.LowBalanceThreshold;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts transactions and announces each organization's new balance, and a low balance when it fell
 * through the threshold, all in the caller's transaction. A batch announces one balance per
 * organization: the last one, which is all a consumer keeps.
 */
@ApplicationScoped
public class Bookkeeper {

    private final LedgerRepository ledger;
    private final BalanceEventPublisher events;
    private final LowBalanceThreshold threshold;

    public Bookkeeper(LedgerRepository ledger, BalanceEventPublisher events, LowBalanceThreshold threshold) {
        this.ledger = ledger;
        this.events = events;
        this.threshold = threshold;
    }

    Balance post(LedgerTransaction transaction) {
        return postAll(List.of(transaction)).get(0).after();
    }

    List<BalanceMove> postAll(List<LedgerTransaction> transactions) {
        if (transactions.isEmpty()) {
            return List.of();
        }
        List<BalanceMove> moves = ledger.postAll(transactions);
        List<BalanceEvent> announced = new ArrayList<>(moves.size());
        for (BalanceMove move : moves) {
            announced.add(new BalanceEvent.Changed(move.after(), move.cause(), move.reference()));
            if (threshold.crossedDownward(move.before(), move.after().amount())) {
                announced.add(new BalanceEvent.Low(move.after(), threshold, move.reference()));
            }
        }
        events.publish(announced);
        return moves;
    }
}
