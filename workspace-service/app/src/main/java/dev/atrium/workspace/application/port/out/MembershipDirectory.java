package dev.atrium.workspace.application.port.out;

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
}
