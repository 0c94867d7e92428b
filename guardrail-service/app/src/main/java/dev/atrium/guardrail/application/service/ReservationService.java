package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.ExpireReservationsUseCase;
import dev.atrium.guardrail.application.port.in.RecordBalanceUseCase;
import dev.atrium.guardrail.application.port.in.ReleasePreviousLivesUseCase;
import dev.atrium.guardrail.application.port.in.ReleaseReservationUseCase;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.RateCounters;
import dev.atrium.guardrail.domain.budget.Holder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Gives held worst cases back when no usage will come, and keeps billing's balances. */
@ApplicationScoped
public class ReservationService implements ReleaseReservationUseCase, ExpireReservationsUseCase,
        RecordBalanceUseCase, ReleasePreviousLivesUseCase {

    /** A batch is one transaction of a fixed number of statements; small batches keep its locks short. */
    static final int EXPIRY_BATCH = 500;
    /** Enough batches for any backlog a run may meet; the next run takes what is left. */
    static final int EXPIRY_BATCHES_PER_RUN = 200;

    private final BudgetLedger ledger;
    private final RateCounters rates;
    private final Clock clock;

    public ReservationService(BudgetLedger ledger, RateCounters rates, Clock clock) {
        this.ledger = ledger;
        this.rates = rates;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean release(String reservationId) {
        return ledger.settleAll(List.of(reservationId), Map.of()) == 1;
    }

    /**
     * Batch after batch until none is left expired: each batch is one transaction that takes its locks
     * in the settlement's order (counters, then reservations, then credit rows by organization), so it
     * queues behind checks and settlements instead of deadlocking with them. Past minutes' rate
     * counters go too.
     */
    @Override
    public int expire() {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().call(() -> rates.forgetBefore(now.minus(Duration.ofMinutes(2))));
        return releaseInBatches(() -> ledger.expired(now, EXPIRY_BATCH));
    }

    /**
     * The instance's earlier lives ended (it starts again), so nothing of theirs will settle or release
     * their holds: given back now, in the expiry's batches, instead of when they expire. Only holds of this
     * instance, and never of this life: the holder is named by every check, and a life is new at each start.
     */
    @Override
    public int releasePreviousLives(Holder holder) {
        return releaseInBatches(() -> ledger.heldInOtherLives(holder, EXPIRY_BATCH));
    }

    private int releaseInBatches(Supplier<List<String>> batchOfIds) {
        int released = 0;
        for (int batch = 0; batch < EXPIRY_BATCHES_PER_RUN; batch++) {
            int[] found = new int[1];
            released += QuarkusTransaction.requiringNew().call(() -> {
                List<String> ids = batchOfIds.get();
                found[0] = ids.size();
                return ids.isEmpty() ? 0 : ledger.settleAll(ids, Map.of());
            });
            if (found[0] < EXPIRY_BATCH) {
                break;
            }
        }
        return released;
    }

    @Override
    @Transactional
    public boolean record(String organizationId, BigDecimal balance, long revision) {
        return ledger.updateBalance(organizationId, balance, revision);
    }
}
