package dev.atrium.common.security;

import java.util.Set;

/**
 * The group paths a user holds now, as workspace-service's membership record says (docs/adr/0014): what
 * {@code GET /internal/v1/members/{user}/groups} answers, and what every other service authorizes a user
 * token's management calls with ({@link CurrentRights}). A user with no membership has no group.
 */
public record MemberGroups(String userId, Set<String> groups) {

    public MemberGroups {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
