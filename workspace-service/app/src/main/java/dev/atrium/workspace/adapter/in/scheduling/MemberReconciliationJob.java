package dev.atrium.workspace.adapter.in.scheduling;

import dev.atrium.workspace.application.port.in.ReconcileMembersUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks the directory about the next batch of known users every few seconds (docs/architecture.md). */
@ApplicationScoped
class MemberReconciliationJob {

    private final ReconcileMembersUseCase reconcile;

    MemberReconciliationJob(ReconcileMembersUseCase reconcile) {
        this.reconcile = reconcile;
    }

    @Scheduled(every = "${atrium.members.reconcile-every:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        reconcile.reconcile();
    }
}
