package dev.atrium.workspace.application.port.in;

import dev.atrium.workspace.domain.DeliveryHealth;
import java.util.Map;

public interface DeliveryHealthQuery {

    /** By endpoint: the last delivery outcomes of the workspace's destinations. */
    Map<String, DeliveryHealth> deliveryHealth(String workspaceId);
}
