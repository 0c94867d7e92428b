package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.Generation;
import java.util.Optional;

public interface FindGenerationQuery {

    /** Empty until the generation's usage record has been booked. */
    Optional<Generation> generation(String id);
}
