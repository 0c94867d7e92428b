package dev.atrium.guardrail.adapter.in.scheduling;

import dev.atrium.guardrail.application.port.in.ExpireReservationsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Gives back the worst cases of reservations no usage record or release came for. */
@ApplicationScoped
class ReservationSweeper {

    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class);

    private final ExpireReservationsUseCase expire;

    ReservationSweeper(ExpireReservationsUseCase expire) {
        this.expire = expire;
    }

    @Scheduled(every = "${atrium.guardrail.reservation-sweep-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int released = expire.expire();
        if (released > 0) {
            LOG.infof("Released %d expired reservations", released);
        }
    }
}
