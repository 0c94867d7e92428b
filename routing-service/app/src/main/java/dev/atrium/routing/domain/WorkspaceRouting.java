package dev.atrium.routing.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A workspace's routing defaults: applied under each request's own preferences.
 *
 * @param updatedAt null when never set
 */
public record WorkspaceRouting(String workspaceId, PreferenceLayer preferences, Instant updatedAt, String updatedBy) {

    public WorkspaceRouting {
        Ids.requireText("workspace id", workspaceId);
        Objects.requireNonNull(preferences, "preferences");
    }

    public static WorkspaceRouting unset(String workspaceId) {
        return new WorkspaceRouting(workspaceId, PreferenceLayer.EMPTY, null, null);
    }
}
