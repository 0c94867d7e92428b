package dev.atrium.workspace.domain;

import java.time.Instant;

/**
 * An organization's management key: it manages the organization with the rights its creator holds
 * there at the time of use, and never calls models. Only its keyed hash is kept, as for API keys.
 */
public record ManagementKey(String id, String organizationId, String name, String prefix, String last4, String hash,
        String creatorUserId, Instant createdAt, Instant revokedAt) {

    public ManagementKey revoked(Instant at) {
        return new ManagementKey(id, organizationId, name, prefix, last4, hash, creatorUserId, createdAt, at);
    }

    /** The group paths of the creator that concern this key's organization: the only rights the key carries. */
    public java.util.Set<String> rightsFrom(java.util.Set<String> creatorGroups) {
        String prefix = "/orgs/" + organizationId + "/";
        return creatorGroups.stream().filter(g -> g.startsWith(prefix))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
