package dev.atrium.billing.domain;

import java.util.Objects;

/**
 * A workspace and the organization it belongs to, learned from usage records or workspace events;
 * what lets billing authorize a workspace's reports.
 */
public record KnownWorkspace(String workspaceId, String organizationId) {

    public KnownWorkspace {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(organizationId, "organizationId");
    }
}
