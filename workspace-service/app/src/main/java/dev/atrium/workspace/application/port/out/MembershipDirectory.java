package dev.atrium.workspace.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where tenant rights live as group paths ({@code /orgs/{org}/admin}, ...), so every service
 * authorizes from the token alone: Keycloak in production.
 */
public interface MembershipDirectory {

    boolean userExists(String userId);

    /** Every group path the user belongs to. */
    Set<String> groupsOf(String userId);

    /** Adds the user to the group, creating the group path as needed. */
    void join(String userId, String groupPath);

    /** Removes the user from the group; nothing happens when the user or group is not there. */
    void leave(String userId, String groupPath);

    /** Every group path under {@code /orgs} that has members, with their user ids. */
    Map<String, Set<String>> memberships();

    /**
     * Users deleted at or after {@code from}, oldest first, as far as the directory records deletions (Keycloak:
     * its admin events, when the realm stores them); empty when it records none.
     */
    List<Deletion> deletionsSince(Instant from);

    /** A user's deletion and when the directory recorded it (on the directory's clock). */
    record Deletion(String userId, Instant at) {
    }
}
