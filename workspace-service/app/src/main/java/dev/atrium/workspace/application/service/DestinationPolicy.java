package dev.atrium.workspace.application.service;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.common.net.DestinationRule;
import dev.atrium.workspace.application.port.out.HostResolver;
import dev.atrium.workspace.domain.ObservabilityDestination;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a destination the platform does not allow, when it is saved: its URL by {@link DestinationRule}
 * and every address its host resolves to now. A name that does not resolve yet is accepted; the gateway
 * checks the addresses again before each delivery, since DNS may answer differently later.
 */
@ApplicationScoped
public class DestinationPolicy {

    private final DestinationRule rule;
    private final HostResolver resolver;

    public DestinationPolicy(DestinationRule rule, HostResolver resolver) {
        this.rule = rule;
        this.resolver = resolver;
    }

    void check(List<ObservabilityDestination> destinations) {
        for (int i = 0; i < destinations.size(); i++) {
            String field = "destinations[" + i + "].endpoint";
            String endpoint = destinations.get(i).endpoint();
            Optional<String> refused = rule.refuseUrl(endpoint);
            if (refused.isEmpty()) {
                String host = DestinationRule.host(URI.create(endpoint));
                if (DestinationRule.literal(host).isEmpty()) {
                    for (InetAddress address : resolver.resolve(host)) {
                        refused = rule.refuseAddress(host, address);
                        if (refused.isPresent()) {
                            break;
                        }
                    }
                }
            }
            if (refused.isPresent()) {
                throw new InvalidFieldException(field, "endpoint " + refused.get());
            }
        }
    }
}
