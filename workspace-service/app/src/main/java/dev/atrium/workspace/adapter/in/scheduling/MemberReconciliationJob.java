package dev.atrium.workspace.adapter.in.scheduling;

import dev.atrium.workspace.application.port.in.BackfillMembersUseCase;
import dev.atrium.workspace.application.port.in.FollowDeletionsUseCase;
import dev.atrium.workspace.application.port.in.ReconcileMembersUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the directory's deletions several times a second, and asks it about the next batch of known users
 * every few seconds for what that record misses; copies its memberships once after the upgrade
 * (docs/architecture.md).
 */
@ApplicationScoped
class MemberReconciliationJob {

    private final ReconcileMembersUseCase reconcile;
    private final FollowDeletionsUseCase deletions;
    private final BackfillMembersUseCase backfill;

    MemberReconciliationJob(ReconcileMembersUseCase reconcile, FollowDeletionsUseCase deletions,
            BackfillMembersUseCase backfill) {
        this.reconcile = reconcile;
        this.deletions = deletions;
        this.backfill = backfill;
    }

    /** Until the one-time copy of the directory's memberships succeeded; then a flag read. */
    @Scheduled(every = "${atrium.members.backfill-every:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void backfill() {
        backfill.backfill();
    }

    @Scheduled(every = "${atrium.members.follow-deletions-every:250ms}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followDeletions() {
        deletions.follow();
    }

    @Scheduled(every = "${atrium.members.reconcile-every:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        reconcile.reconcile();
    }
}
