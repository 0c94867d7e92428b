package dev.atrium.workspace.application.port.in;

import java.util.Set;

/** The group paths a user holds as this service records them (not as an older token says). */
public interface MembershipQuery {

    Set<String> groupsOf(String userId);
}
