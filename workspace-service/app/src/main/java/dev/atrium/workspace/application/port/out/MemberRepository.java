package dev.atrium.workspace.application.port.out;

import java.util.List;
import java.util.Set;

/**
 * This service's own record of the group paths each user holds, written with every membership change:
 * management rights and key ownership are decided from it, so a removal applies at once, not when the
 * removed member's token expires.
 */
public interface MemberRepository {

    Set<String> groupsOf(String userId);

    void add(String userId, String groupPath);

    void remove(String userId, String groupPath);

    /** Every group path of the user, removed; what was there. */
    Set<String> removeAll(String userId);

    /**
     * Users holding at least one group path or owning a live key, by id after {@code afterUserId} (null:
     * from the first).
     */
    List<String> users(String afterUserId, int limit);

    /** Every (user, group path) whose path starts with {@code pathPrefix}, by user then path. */
    List<String[]> holders(String pathPrefix);

    /** True once the directory's memberships were copied into this record (the upgrade's one-time copy). */
    boolean backfilled();

    void markBackfilled();
}
