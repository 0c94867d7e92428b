package dev.atrium.routing.config;

import dev.atrium.routing.domain.CircuitPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

@ConfigMapping(prefix = "atrium.routing")
public interface RoutingConfig {

    Circuit circuit();

    /** How often provider attempts older than the statistics window are deleted (read by the scheduler). */
    @WithDefault("10m")
    Duration pruneInterval();

    interface Circuit {

        /** Failures in a row that open an endpoint's circuit. */
        @WithDefault("3")
        int failureThreshold();

        /** How long an open circuit keeps the endpoint out before one probe. */
        @WithDefault("30s")
        Duration coolDown();
    }

    class Producer {

        @Produces
        @Singleton
        CircuitPolicy circuitPolicy(RoutingConfig config) {
            return new CircuitPolicy(config.circuit().failureThreshold(), config.circuit().coolDown());
        }
    }
}
