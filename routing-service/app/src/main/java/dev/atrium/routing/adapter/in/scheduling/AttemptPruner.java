package dev.atrium.routing.adapter.in.scheduling;

import dev.atrium.routing.application.port.in.PruneAttemptsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Keeps provider_attempt to the statistics window; several instances pruning at once is harmless. */
@ApplicationScoped
class AttemptPruner {

    private static final Logger LOG = Logger.getLogger(AttemptPruner.class);

    private final PruneAttemptsUseCase prune;

    AttemptPruner(PruneAttemptsUseCase prune) {
        this.prune = prune;
    }

    @Scheduled(every = "${atrium.routing.prune-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOldAttempts() {
        int pruned = prune.prune();
        if (pruned > 0) {
            LOG.infof("Pruned %d provider attempts older than the statistics window", pruned);
        }
    }
}
