package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.out.ApiKeyRepository;
import dev.atrium.workspace.application.port.out.MemberRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.GroupPaths;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Keys carry {@code owner_user_id}: a key whose owner no longer may own it (left the workspace, or is no
 * longer an admin of the organization, or was deleted) is retired in the caller's transaction, with an
 * event so the gateway forgets it at once and an audit row. Only keys of the organization where the
 * membership changed are looked at, so a platform admin's keys (owned without membership) stay.
 */
@ApplicationScoped
public class KeyOwners {

    private final ApiKeyRepository keys;
    private final MemberRepository members;
    private final WorkspaceEventPublisher events;
    private final Clock clock;
    private final Auditor auditor;

    public KeyOwners(ApiKeyRepository keys, MemberRepository members, WorkspaceEventPublisher events, Clock clock,
            Auditor auditor) {
        this.keys = keys;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.auditor = auditor;
    }

    /** After a membership change of {@code userId} in {@code organizationId}; the number of keys retired. */
    int retireKeysOf(String userId, String organizationId) {
        Set<String> groups = members.groupsOf(userId);
        Instant now = clock.instant();
        int retired = 0;
        for (ApiKey key : keys.ownedBy(organizationId, userId)) {
            if (!GroupPaths.mayOwnKey(groups, key.organizationId(), key.workspaceId())) {
                retire(key, now);
                retired++;
            }
        }
        return retired;
    }

    /** The users a reconciliation asks the directory about: members and owners of live keys. */
    @Transactional
    List<String> knownUsers(String afterUserId, int limit) {
        return members.users(afterUserId, limit);
    }

    /**
     * The user was deleted from the directory: every membership here goes, and every key it owns in any
     * organization is retired; the number of keys retired.
     */
    @Transactional
    public int forgetUser(String userId) {
        Set<String> groups = members.removeAll(userId);
        groups.stream().map(g -> g.split("/")[2]).distinct().forEach(org -> auditor.record(org, null,
                "member.deleted", "user", userId, Snapshots.map("groups", List.copyOf(groups)), null));
        Instant now = clock.instant();
        List<ApiKey> owned = keys.ownedBy(userId);
        owned.forEach(key -> retire(key, now));
        return owned.size();
    }

    private void retire(ApiKey before, Instant now) {
        ApiKey after = before.ownerRemoved(now);
        keys.update(after);
        events.apiKeyOwnerRemoved(after, now);
        auditor.record(after.organizationId(), after.workspaceId(), "api_key.owner_removed", "api_key", after.id(),
                Snapshots.of(before), Snapshots.of(after));
    }
}
