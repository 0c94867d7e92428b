package dev.atrium.workspace.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The group paths a user holds as this service records them (not as an older token says). */
public interface MembershipQuery {

    Set<String> groupsOf(String userId);

    /** The organization's members and their organization roles (admin, billing), by user id. */
    Map<String, List<String>> organizationMembers(String organizationId);

    /** The workspace's members and their role (admin, member), by user id. */
    Map<String, String> workspaceMembers(String organizationId, String workspaceId);
}
