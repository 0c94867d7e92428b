package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.ExpireReservationsUseCase;
import dev.atrium.guardrail.application.port.in.RecordBalanceUseCase;
import dev.atrium.guardrail.application.port.in.ReleaseReservationUseCase;
import dev.atrium.guardrail.application.port.out.BudgetLedger;
import dev.atrium.guardrail.application.port.out.RateCounters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Gives held worst cases back when no usage will come, and keeps billing's balances. */
@ApplicationScoped
public class ReservationService implements ReleaseReservationUseCase, ExpireReservationsUseCase,
        RecordBalanceUseCase {

    /** Small batches keep the sweep's locks short; the next run takes the rest. */
    static final int EXPIRY_BATCH = 100;

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
     * One transaction per reservation: a check's locks and the sweep's never wait on each other in a
     * cycle. Past minutes' rate counters go too.
     */
    @Override
    public int expire() {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().call(() -> rates.forgetBefore(now.minus(Duration.ofMinutes(2))));
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> ledger.expired(now, EXPIRY_BATCH));
        int released = 0;
        for (String id : ids) {
            if (QuarkusTransaction.requiringNew().call(() -> ledger.settleAll(List.of(id), Map.of())) == 1) {
                released++;
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
