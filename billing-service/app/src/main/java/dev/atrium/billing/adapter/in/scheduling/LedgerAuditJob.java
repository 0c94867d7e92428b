package dev.atrium.billing.adapter.in.scheduling;

import dev.atrium.billing.application.port.in.AuditLedgersUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks every organization's books every {@code atrium.billing.invariant-check-interval} ({@code off} stops it). */
@ApplicationScoped
class LedgerAuditJob {

    private final AuditLedgersUseCase audit;

    LedgerAuditJob(AuditLedgersUseCase audit) {
        this.audit = audit;
    }

    @Scheduled(identity = "ledger-audit", every = "${atrium.billing.invariant-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        audit.audit();
    }
}
