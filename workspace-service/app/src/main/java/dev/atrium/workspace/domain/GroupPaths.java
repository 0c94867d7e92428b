package dev.atrium.workspace.domain;

import java.util.Set;

/** The Keycloak group paths that carry tenant rights into every token. */
public final class GroupPaths {

    public static final Set<String> ORGANIZATION_ROLES = Set.of("admin", "billing");
    public static final Set<String> WORKSPACE_ROLES = Set.of("admin", "member");

    private GroupPaths() {
    }

    public static String organization(String organizationId, String role) {
        return "/orgs/" + organizationId + "/" + role;
    }

    public static String workspace(String organizationId, String workspaceId, String role) {
        return "/orgs/" + organizationId + "/workspaces/" + workspaceId + "/" + role;
    }

    /** True for a path that carries a tenant right: an organization's or a workspace's role group. */
    public static boolean isRole(String path) {
        String[] parts = path == null ? new String[0] : path.split("/", -1);
        return parts.length == 4 && parts[0].isEmpty() && "orgs".equals(parts[1]) && !parts[2].isEmpty()
                && ORGANIZATION_ROLES.contains(parts[3])
                || parts.length == 6 && parts[0].isEmpty() && "orgs".equals(parts[1]) && !parts[2].isEmpty()
                && "workspaces".equals(parts[3]) && !parts[4].isEmpty() && WORKSPACE_ROLES.contains(parts[5]);
    }

    /** Who may own a key of the workspace: its members and admins, and the organization's admins. */
    public static boolean mayOwnKey(Set<String> groups, String organizationId, String workspaceId) {
        return groups.contains(organization(organizationId, "admin"))
                || WORKSPACE_ROLES.stream().anyMatch(r -> groups.contains(workspace(organizationId, workspaceId, r)));
    }
}
