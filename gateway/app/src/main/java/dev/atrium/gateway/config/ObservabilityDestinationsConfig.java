package dev.atrium.gateway.config;

import dev.atrium.common.net.DestinationRule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The same settings as workspace-service's: which destinations the broadcast may connect to. Applied
 * again at delivery time, since a saved name may resolve to a private address later.
 */
@ConfigMapping(prefix = "atrium.observability")
public interface ObservabilityDestinationsConfig {

    @WithDefault("false")
    boolean allowHttp();

    Optional<List<String>> allowedPrivateHosts();

    class Producer {

        @Produces
        @Singleton
        DestinationRule destinationRule(ObservabilityDestinationsConfig config) {
            return DestinationRule.of(config.allowHttp(), config.allowedPrivateHosts().orElse(List.of()));
        }
    }
}
