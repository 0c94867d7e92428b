package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.GroupPaths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

public interface SetOrganizationMemberUseCase {

    /** Gives the user exactly these organization roles; no roles removes the user from the organization. */
    Set<String> set(SetOrganizationMemberCommand command);

    record SetOrganizationMemberCommand(String organizationId, String userId, Set<String> roles) {

        public static SetOrganizationMemberCommand of(String organizationId, String userId, List<String> roles) {
            if (roles == null || roles.isEmpty()) {
                throw new InvalidFieldException("roles", "roles must list admin and/or billing");
            }
            Set<String> set = new TreeSet<>();
            for (String role : roles) {
                if (!GroupPaths.ORGANIZATION_ROLES.contains(role)) {
                    throw new InvalidFieldException("roles", "roles may only contain admin and billing");
                }
                set.add(role);
            }
            return new SetOrganizationMemberCommand(organizationId, Commands.userId(userId), Set.copyOf(set));
        }

        public static SetOrganizationMemberCommand removal(String organizationId, String userId) {
            return new SetOrganizationMemberCommand(organizationId, Commands.userId(userId), Set.of());
        }
    }
}
