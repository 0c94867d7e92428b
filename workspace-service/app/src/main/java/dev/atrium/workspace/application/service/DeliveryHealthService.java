package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.in.DeliveryHealthQuery;
import dev.atrium.workspace.application.port.in.RecordDeliveryStatusUseCase;
import dev.atrium.workspace.application.port.out.DeliveryHealthRepository;
import dev.atrium.workspace.application.port.out.WorkspaceSettingsRepository;
import dev.atrium.workspace.domain.DeliveryHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** The gateway's delivery outcomes, kept per destination so that the settings show a failing one. */
@ApplicationScoped
public class DeliveryHealthService implements RecordDeliveryStatusUseCase, DeliveryHealthQuery {

    private final DeliveryHealthRepository health;
    private final WorkspaceSettingsRepository settings;

    public DeliveryHealthService(DeliveryHealthRepository health, WorkspaceSettingsRepository settings) {
        this.health = health;
        this.settings = settings;
    }

    @Override
    @Transactional
    public void record(DeliveryStatusCommand c) {
        // Only for a destination the workspace has: a late report of a removed one is dropped.
        if (settings.observability(c.workspaceId()).stream().anyMatch(d -> d.endpoint().equals(c.endpoint()))) {
            health.record(c.workspaceId(), c.endpoint(), c.delivered(), c.error(), c.at());
        }
    }

    @Override
    public Map<String, DeliveryHealth> deliveryHealth(String workspaceId) {
        return health.byEndpoint(workspaceId);
    }
}
