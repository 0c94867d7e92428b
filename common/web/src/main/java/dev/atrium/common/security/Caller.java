package dev.atrium.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The rights a Keycloak token carries: the realm role {@code platform-admin} and group paths such
 * as {@code /orgs/{org}/admin} (mapped to roles by {@code quarkus.oidc.roles.role-claim-path}).
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

    /** The organization of the management key the caller authenticated with, or null for a token. */
    public static String managementKeyOrganization(SecurityIdentity identity) {
        return identity.getAttribute(ManagementKeyIdentity.ORGANIZATION_ATTRIBUTE);
    }

    public static boolean isPlatformAdmin(SecurityIdentity identity) {
        return identity.hasRole(PLATFORM_ADMIN);
    }

    public static boolean isOrgAdmin(SecurityIdentity identity, String orgId) {
        return isPlatformAdmin(identity) || identity.hasRole("/orgs/" + orgId + "/admin");
    }

    public static boolean canSeeOrgBilling(SecurityIdentity identity, String orgId) {
        return isOrgAdmin(identity, orgId) || identity.hasRole("/orgs/" + orgId + "/billing");
    }

    public static boolean isWorkspaceAdmin(SecurityIdentity identity, String orgId, String workspaceId) {
        return isOrgAdmin(identity, orgId) || identity.hasRole(workspaceGroup(orgId, workspaceId, "admin"));
    }

    public static boolean isWorkspaceMember(SecurityIdentity identity, String orgId, String workspaceId) {
        return isWorkspaceAdmin(identity, orgId, workspaceId)
                || identity.hasRole(workspaceGroup(orgId, workspaceId, "member"));
    }

    public static String workspaceGroup(String orgId, String workspaceId, String role) {
        return "/orgs/" + orgId + "/workspaces/" + workspaceId + "/" + role;
    }
}
