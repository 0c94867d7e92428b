package dev.atrium.common.security;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * workspace-service's internal routes as the REST client would answer them: a 404 is a
 * {@link WebApplicationException}, an unreachable service a {@link ProcessingException}.
 */
final class FakeWorkspaceInternal implements WorkspaceInternalApi {

    /** The keys workspace-service knows, by secret. */
    final Map<String, ManagementKeyIdentity> keys = new HashMap<>();
    /** The membership record: group paths by user. */
    final Map<String, Set<String>> groups = new HashMap<>();
    /** What was asked, key secrets and user ids in order. */
    final List<String> asked = new ArrayList<>();
    boolean down;

    @Override
    public Uni<ManagementKeyIdentity> resolveManagementKey(Map<String, String> body) {
        String key = body.get("key");
        asked.add(key);
        if (down) {
            return Uni.createFrom().failure(new ProcessingException("Connection refused"));
        }
        ManagementKeyIdentity found = keys.get(key);
        return found == null ? Uni.createFrom().failure(new WebApplicationException(404))
                : Uni.createFrom().item(found);
    }

    @Override
    public MemberGroups groupsOf(String userId) {
        asked.add(userId);
        if (down) {
            throw new ProcessingException("Connection refused");
        }
        return new MemberGroups(userId, groups.getOrDefault(userId, Set.of()));
    }
}
