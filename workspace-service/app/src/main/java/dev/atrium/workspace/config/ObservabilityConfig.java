package dev.atrium.workspace.config;

import dev.atrium.common.net.DestinationRule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Which observability destinations a workspace admin may save: {@code https} to public addresses,
 * unless the platform allows plain {@code http} or lists private CIDRs, addresses or host names.
 */
@ConfigMapping(prefix = "atrium.observability")
public interface ObservabilityConfig {

    @WithDefault("false")
    boolean allowHttp();

    /** e.g. {@code 127.0.0.0/8,::1,collector.internal}; empty by default. */
    Optional<List<String>> allowedPrivateHosts();

    class Producer {

        @Produces
        @Singleton
        DestinationRule destinationRule(ObservabilityConfig config) {
            return DestinationRule.of(config.allowHttp(), config.allowedPrivateHosts().orElse(List.of()));
        }
    }
}
