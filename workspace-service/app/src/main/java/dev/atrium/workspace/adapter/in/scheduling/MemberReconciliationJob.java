package dev.atrium.workspace.adapter.in.scheduling;

import dev.atrium.workspace.application.port.in.BackfillMembersUseCase;
import dev.atrium.workspace.application.port.in.FollowDeletionsUseCase;
import dev.atrium.workspace.application.port.in.ReconcileMembersUseCase;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the directory's deletions several times a second, and asks it about the next batch of known users
 * every few seconds for what that record misses; copies its memberships once after the upgrade
 * (docs/architecture.md).
 */
@ApplicationScoped
class MemberReconciliationJob {

    private static final Logger LOG = Logger.getLogger(MemberReconciliationJob.class);
    /** As the other rounds: after the service has started. */
    private static final Duration FOLLOW_AFTER = Duration.ofSeconds(5);

    private final ReconcileMembersUseCase reconcile;
    private final FollowDeletionsUseCase deletions;
    private final BackfillMembersUseCase backfill;
    private ScheduledExecutorService follower;

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

    /**
     * Quarkus's scheduler ticks once a second and runs a shorter {@code every} at that tick ("An every() value
     * less than 1000 ms is not supported"), so the deletions are read on a thread of their own, every
     * {@code atrium.members.follow-deletions-every} ({@code off} for none).
     */
    void startFollowing(@Observes StartupEvent event,
            @ConfigProperty(name = "atrium.members.follow-deletions-every", defaultValue = "250ms") String every) {
        Duration interval = interval(every);
        if (interval == null) {
            return;
        }
        follower = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "follow-deletions");
            thread.setDaemon(true);
            return thread;
        });
        follower.scheduleWithFixedDelay(this::followDeletions, FOLLOW_AFTER.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stopFollowing(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.shutdownNow();
        }
    }

    private void followDeletions() {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            deletions.follow();
        } catch (RuntimeException e) {
            // The next round tries again; an exception must not end the schedule.
            LOG.warnf("Following user deletions failed, trying again in the next round: %s", e.getMessage());
        } finally {
            request.terminate();
        }
    }

    /** As Quarkus reads durations ({@code 250ms}, {@code 2s}, ISO-8601); {@code off} (or zero) for none. */
    static Duration interval(String every) {
        String value = every.trim().toLowerCase(Locale.ROOT);
        if (value.equals("off") || value.equals("disabled")) {
            return null;
        }
        Duration parsed = DurationConverter.parseDuration(value);
        return parsed == null || parsed.isZero() || parsed.isNegative() ? null : parsed;
    }

    @Scheduled(every = "${atrium.members.reconcile-every:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        reconcile.reconcile();
    }
}
