package dev.atrium.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The rights a Keycloak token carries: the realm role {@code platform-admin} and group paths such
 * as {@code /orgs/{org}/admin} (mapped to roles by {@code quarkus.oidc.roles.role-claim-path}).
 * {@link Rights} states the rules once, over any set of group paths: the token's, or the ones a
 * service records for the caller ({@link TenantAuthorizer} applies them to a path's tenant).
 */
public final class Caller {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String SERVICE = "atrium-service";

    private Caller() {
    }

    /** The Keycloak user id ({@code sub}) of the caller. */
    public static String userId(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * True when the caller is the service account of the OIDC client {@code clientId}: a token issued
     * to that client ({@code azp}). Without a token (tests' {@code @TestSecurity}) the principal must
     * be Keycloak's name for that client's service account, {@code service-account-<clientId>}.
     */
    public static boolean isClient(SecurityIdentity identity, String clientId) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return clientId.equals(jwt.getClaim("azp"));
        }
        return identity.getPrincipal() != null
                && ("service-account-" + clientId).equals(identity.getPrincipal().getName());
    }

    /** The rights the identity itself carries (its token's groups). */
    public static Rights rights(SecurityIdentity identity) {
        return new Rights(isPlatformAdmin(identity), identity.getRoles());
    }

    /** The organization of the management key the caller authenticated with, or null for a token. */
    public static String managementKeyOrganization(SecurityIdentity identity) {
        return identity.getAttribute(ManagementKeyIdentity.ORGANIZATION_ATTRIBUTE);
    }

    public static boolean isPlatformAdmin(SecurityIdentity identity) {
        return identity.hasRole(PLATFORM_ADMIN);
    }

    public static boolean isOrgAdmin(SecurityIdentity identity, String orgId) {
        return rights(identity).orgAdmin(orgId);
    }

    public static boolean canSeeOrgBilling(SecurityIdentity identity, String orgId) {
        return rights(identity).seesOrgBilling(orgId);
    }

    public static boolean isWorkspaceAdmin(SecurityIdentity identity, String orgId, String workspaceId) {
        return rights(identity).workspaceAdmin(orgId, workspaceId);
    }

    public static boolean isWorkspaceMember(SecurityIdentity identity, String orgId, String workspaceId) {
        return rights(identity).workspaceMember(orgId, workspaceId);
    }

    public static String workspaceGroup(String orgId, String workspaceId, String role) {
        return "/orgs/" + orgId + "/workspaces/" + workspaceId + "/" + role;
    }

    /** The rules of tenant rights over a caller's group paths; {@code platformAdmin} may do everything. */
    public record Rights(boolean platformAdmin, Set<String> groups) {

        public Rights {
            groups = groups == null ? Set.of() : groups;
        }

        public boolean orgAdmin(String orgId) {
            return platformAdmin || groups.contains("/orgs/" + orgId + "/admin");
        }

        public boolean seesOrgBilling(String orgId) {
            return orgAdmin(orgId) || groups.contains("/orgs/" + orgId + "/billing");
        }

        public boolean workspaceAdmin(String orgId, String workspaceId) {
            return orgAdmin(orgId) || groups.contains(workspaceGroup(orgId, workspaceId, "admin"));
        }

        public boolean workspaceMember(String orgId, String workspaceId) {
            return workspaceAdmin(orgId, workspaceId) || groups.contains(workspaceGroup(orgId, workspaceId, "member"));
        }

        /** Organization-wide roles (admin, billing) see every workspace; workspace roles only their own. */
        public boolean seesWorkspace(String orgId, String workspaceId) {
            return workspaceMember(orgId, workspaceId) || seesOrgBilling(orgId);
        }

        /** Any role in the organization, down to one workspace's member, shows that it exists. */
        public boolean seesOrganization(String orgId) {
            return platformAdmin || groups.stream().anyMatch(g -> g.startsWith("/orgs/" + orgId + "/"));
        }
    }
}
