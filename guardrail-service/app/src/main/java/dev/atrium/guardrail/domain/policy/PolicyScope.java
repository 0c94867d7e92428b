package dev.atrium.guardrail.domain.policy;

import java.util.Objects;

/**
 * One policy's place: a level and the id it governs. A member is a user inside one workspace, so
 * its id is {@code {workspace}/{user}}.
 */
public record PolicyScope(Level level, String id) {

    public static final int MAX_ID_LENGTH = 64;
    static final int MAX_MEMBER_ID_LENGTH = 320;

    public PolicyScope {
        Objects.requireNonNull(level, "level");
        int max = level == Level.MEMBER ? MAX_MEMBER_ID_LENGTH : MAX_ID_LENGTH;
        if (id == null || id.isBlank() || id.length() > max) {
            throw new IllegalArgumentException("A policy's " + level.wire() + " id must have 1 to " + max
                    + " characters");
        }
    }

    public static PolicyScope organization(String organizationId) {
        return new PolicyScope(Level.ORGANIZATION, organizationId);
    }

    public static PolicyScope workspace(String workspaceId) {
        return new PolicyScope(Level.WORKSPACE, workspaceId);
    }

    public static PolicyScope member(String workspaceId, String userId) {
        return new PolicyScope(Level.MEMBER, workspaceId + "/" + userId);
    }

    public static PolicyScope key(String keyId) {
        return new PolicyScope(Level.KEY, keyId);
    }
}
