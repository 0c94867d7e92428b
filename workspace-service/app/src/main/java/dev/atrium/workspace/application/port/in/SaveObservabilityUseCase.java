package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
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
        for (ObservabilityDestination d : destinations) {
            if (d == null || !Set.of("otlp", "webhook").contains(d.type())) {
                throw new InvalidFieldException("destinations.type", "type must be otlp or webhook");
            }
            if (!httpUrl(d.endpoint())) {
                throw new InvalidFieldException("destinations.endpoint", "endpoint must be an http(s) URL");
            }
            if (!(d.samplingRate() >= 0 && d.samplingRate() <= 1)) {
                throw new InvalidFieldException("destinations.sampling_rate", "sampling_rate must be from 0 to 1");
            }
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
