package dev.atrium.gateway.adapter.in.startup;

import dev.atrium.gateway.application.port.in.ReleasePreviousLivesUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At every start, in the background (serving does not wait for it): this instance's earlier lives' holds
 * go back to the budgets and credits as soon as their usage records are in Kafka.
 */
@ApplicationScoped
class PreviousLivesAtStart {

    private static final Logger LOG = Logger.getLogger(PreviousLivesAtStart.class);

    private final ReleasePreviousLivesUseCase previousLives;

    PreviousLivesAtStart(ReleasePreviousLivesUseCase previousLives) {
        this.previousLives = previousLives;
    }

    void start(@Observes StartupEvent event) {
        previousLives.releasePreviousLives().subscribe().with(
                released -> LOG.infof("Gave back %d holds of this instance's earlier lives", released),
                e -> LOG.warnf("The holds of this instance's earlier lives were not given back (%s); guardrail's"
                        + " sweep gives them back when they expire", e.toString()));
    }
}
