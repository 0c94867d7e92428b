package dev.atrium.common.security;

import java.util.Set;

/** Where {@link CurrentRights} reads a user's group paths: workspace-service ({@link RemoteMemberGroups}). */
interface MemberGroupsSource {

    /** The user's group paths now; an {@link dev.atrium.common.error.ApiException} (503) when they cannot be read. */
    Set<String> groupsOf(String userId);
}
