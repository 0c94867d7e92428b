package dev.atrium.gateway.application.port.out;

import dev.atrium.workspace.api.DeliveryStatus;
import io.smallrye.mutiny.Uni;

/** Tells workspace-service how deliveries to a workspace's observability destination go. */
public interface DeliveryStatusWriter {

    Uni<Void> deliveryStatus(String workspaceId, DeliveryStatus status);
}
