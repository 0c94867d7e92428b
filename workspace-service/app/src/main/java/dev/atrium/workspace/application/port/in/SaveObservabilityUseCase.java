package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.common.net.DestinationRule;
import dev.atrium.workspace.domain.ObservabilityDestination;
import java.net.URI;
import java.util.List;
import java.util.Set;

public interface SaveObservabilityUseCase {

    /** Replaces the workspace's observability destinations. */
    List<ObservabilityDestination> saveObservability(String workspaceId, List<ObservabilityDestination> destinations);

    static List<ObservabilityDestination> validate(List<ObservabilityDestination> destinations) {
        if (destinations == null) {
            throw new InvalidFieldException("destinations", "destinations is required (an empty list clears them)");
        }
        if (destinations.size() > 10) {
            throw new InvalidFieldException("destinations", "at most 10 destinations");
        }
        for (int i = 0; i < destinations.size(); i++) {
            ObservabilityDestination d = destinations.get(i);
            String at = "destinations[" + i + "].";
            if (d == null || !Set.of("otlp", "webhook").contains(d.type())) {
                throw new InvalidFieldException(at + "type", "type must be otlp or webhook");
            }
            if (!httpUrl(d.endpoint())) {
                throw new InvalidFieldException(at + "endpoint", "endpoint must be an http(s) URL");
            }
            if (!(d.samplingRate() >= 0 && d.samplingRate() <= 1)) {
                throw new InvalidFieldException(at + "sampling_rate", "sampling_rate must be from 0 to 1");
            }
            if (d.headers().size() > 20) {
                throw new InvalidFieldException(at + "headers", "at most 20 headers");
            }
            // A CR or LF would split the gateway's request, or fail every delivery of the workspace.
            d.headers().forEach((name, value) -> DestinationRule.refuseHeader(name, value).ifPresent(reason -> {
                throw new InvalidFieldException(at + "headers", reason);
            }));
        }
        return List.copyOf(destinations);
    }

    private static boolean httpUrl(String endpoint) {
        try {
            URI uri = endpoint == null ? null : URI.create(endpoint);
            return uri != null && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
