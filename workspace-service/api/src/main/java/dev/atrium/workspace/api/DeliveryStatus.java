package dev.atrium.workspace.api;

import java.time.Instant;

/**
 * {@code PUT /internal/v1/workspaces/{ws}/observability/status}: how the gateway's last delivery to a
 * destination went, so the workspace's admins see a failing destination. {@code error} is a short
 * reason (never a header or content); null when {@code delivered}.
 */
public record DeliveryStatus(String endpoint, boolean delivered, String error, Instant at) {
}
