package dev.atrium.workspace.application.port.out;

import dev.atrium.workspace.domain.DeliveryHealth;
import java.time.Instant;
import java.util.Map;

public interface DeliveryHealthRepository {

    /** Keeps the newest success and the newest error; an older report never overwrites a newer one. */
    void record(String workspaceId, String endpoint, boolean delivered, String error, Instant at);

    Map<String, DeliveryHealth> byEndpoint(String workspaceId);
}
