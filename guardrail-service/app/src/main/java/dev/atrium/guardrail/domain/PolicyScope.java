package dev.atrium.guardrail.domain;

import java.util.Objects;

/** One policy's place: a level and the id of the organization or workspace it governs. */
public record PolicyScope(Level level, String id) {

    public static final int MAX_ID_LENGTH = 64;

    public PolicyScope {
        Objects.requireNonNull(level, "level");
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("A policy's " + level.wire() + " id must have 1 to " + MAX_ID_LENGTH
                    + " characters");
        }
    }

    public static PolicyScope organization(String organizationId) {
        return new PolicyScope(Level.ORGANIZATION, organizationId);
    }

    public static PolicyScope workspace(String workspaceId) {
        return new PolicyScope(Level.WORKSPACE, workspaceId);
    }
}
