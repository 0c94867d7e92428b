package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.out.CreditRepository;
import dev.atrium.billing.application.port.out.IdempotencyStore;
import dev.atrium.billing.domain.Balance;
import dev.atrium.billing.domain.Credit;
import dev.atrium.billing.domain.Ids;
import dev.atrium.billing.domain.LedgerTransaction;
import dev.atrium.billing.domain.Money;
import dev.atrium.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * Stripe's idempotency: the key, the request's fingerprint, the credit, its entries and the answer
 * are written in one transaction, so a retried request either finds the whole answer or nothing.
 */
@ApplicationScoped
public class CreditService implements AddCreditsUseCase {

    static final int CREATED = 201;

    private final IdempotencyStore idempotency;
    private final CreditRepository credits;
    private final Bookkeeper bookkeeper;
    private final Clock clock;

    public CreditService(IdempotencyStore idempotency, CreditRepository credits, Bookkeeper bookkeeper, Clock clock) {
        this.idempotency = idempotency;
        this.credits = credits;
        this.bookkeeper = bookkeeper;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CreditOutcome add(AddCreditsCommand command) {
        var now = clock.instant();
        var earlier = idempotency.claim(command.idempotencyKey(), command.fingerprint(), now);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(command.fingerprint())) {
                throw new ApiException(422, "This Idempotency-Key was used with another request",
                        Map.of("field", IDEMPOTENCY_HEADER));
            }
            return new CreditOutcome(earlier.get().status(), earlier.get().body(), true);
        }
        Credit credit = new Credit(Ids.credit(), command.organizationId(), command.amount(), command.kind(),
                command.note(), command.createdBy(), now);
        credits.add(credit);
        Balance balance = bookkeeper.post(LedgerTransaction.credit(Ids.transaction(), credit));
        CreditReceipt receipt = new CreditReceipt(credit.id(), credit.organizationId(), credit.amount(),
                Money.CURRENCY, credit.kind().wire(), credit.note(), balance.amount(), credit.createdAt());
        idempotency.complete(command.idempotencyKey(), CREATED, receipt);
        return new CreditOutcome(CREATED, receipt, false);
    }
}
