package dev.atrium.billing.domain;

import java.util.Objects;

/** Whose usage a report covers: a whole organization, or one of its workspaces. */
public record UsageScope(String organizationId, String workspaceId) {

    public UsageScope {
        Objects.requireNonNull(organizationId, "organizationId");
    }

    public static UsageScope organization(String organizationId) {
        return new UsageScope(organizationId, null);
    }

    public static UsageScope workspace(KnownWorkspace workspace) {
        return new UsageScope(workspace.organizationId(), workspace.workspaceId());
    }

    public boolean isWorkspace() {
        return workspaceId != null;
    }
}
