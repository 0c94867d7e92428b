package dev.atrium.common.security;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/**
 * What a management key stands for at the moment it is used: its organization, its creator, and the
 * group paths the creator holds in that organization now (workspace-service's membership record).
 * workspace-service answers it on {@code POST /internal/v1/management-keys/resolve}; every service turns
 * it into the same {@link SecurityIdentity}, so their authorization applies to it unchanged.
 */
public record ManagementKeyIdentity(String keyId, String organizationId, String userId, Set<String> groups) {

    /** Every management key starts so; no API key ({@code sk-at-v1-}) does. */
    public static final String PREFIX = "sk-at-mgmt-v1-";
    /** Identity attribute: the organization of the management key the caller used. */
    public static final String ORGANIZATION_ATTRIBUTE = "atrium.management-key.organization";
    public static final String KEY_ATTRIBUTE = "atrium.management-key.id";

    /**
     * The principal is the creator (so audit logs and ownership name a person), the roles are the creator's
     * group paths in the key's organization only: never a realm role such as {@code platform-admin}.
     */
    public SecurityIdentity toSecurityIdentity() {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(userId)).addRoles(groups)
                .addAttribute(ORGANIZATION_ATTRIBUTE, organizationId).addAttribute(KEY_ATTRIBUTE, keyId).build();
    }

    public static boolean looksLikeOne(String secret) {
        return secret != null && secret.startsWith(PREFIX);
    }
}
