package dev.atrium.common.net;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The platform's settings of the {@link DestinationRule}, read the same way by workspace-service (when a
 * workspace admin saves a destination) and the gateway (again before each delivery): {@code https} to
 * public addresses, unless {@code allow-http} or {@code allowed-private-hosts} (CIDRs, addresses or host
 * names) say otherwise. A service that never injects the rule only carries the unread defaults.
 */
@ConfigMapping(prefix = "atrium.observability")
public interface DestinationSettings {

    @WithDefault("false")
    boolean allowHttp();

    /** e.g. {@code 127.0.0.0/8,::1,collector.internal}; empty by default. */
    Optional<List<String>> allowedPrivateHosts();

    class Producer {

        @Produces
        @Singleton
        DestinationRule destinationRule(DestinationSettings settings) {
            return DestinationRule.of(settings.allowHttp(), settings.allowedPrivateHosts().orElse(List.of()));
        }
    }
}
