package dev.atrium.workspace.application.service;

import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.application.port.in.SetOrganizationMemberUseCase;
import dev.atrium.workspace.application.port.in.SetWorkspaceMemberUseCase;
import dev.atrium.workspace.application.port.in.MembershipQuery;
import dev.atrium.workspace.application.port.out.MemberRepository;
import dev.atrium.workspace.application.port.out.MembershipDirectory;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.GroupPaths;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Members and roles are group memberships in the directory (Keycloak), for the tokens every service
 * reads, and in this service's own table ({@link MemberRepository}), from which its management rights
 * and key ownership are decided. This service decides which groups, and records the change in the audit
 * log. The audit row is written after the directory accepted the change, so a failed directory call
 * leaves no row behind. A removal that leaves a key's owner outside the key's workspace retires the key
 * ({@link KeyOwners}).
 */
@ApplicationScoped
public class MembershipService implements SetOrganizationMemberUseCase, SetWorkspaceMemberUseCase, MembershipQuery {

    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;
    private final MembershipDirectory directory;
    private final MemberRepository members;
    private final KeyOwners owners;
    private final Auditor auditor;

    public MembershipService(OrganizationRepository organizations, WorkspaceRepository workspaces,
            MembershipDirectory directory, MemberRepository members, KeyOwners owners, Auditor auditor) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.directory = directory;
        this.members = members;
        this.owners = owners;
        this.auditor = auditor;
    }

    @Override
    @Transactional
    public Set<String> groupsOf(String userId) {
        return userId == null ? Set.of() : members.groupsOf(userId);
    }

    @Override
    @Transactional
    public Map<String, List<String>> organizationMembers(String organizationId) {
        Map<String, List<String>> members = new TreeMap<>();
        String prefix = "/orgs/" + organizationId + "/";
        for (String[] held : this.members.holders(prefix)) {
            String role = held[1].substring(prefix.length());
            if (GroupPaths.ORGANIZATION_ROLES.contains(role)) {
                members.computeIfAbsent(held[0], u -> new ArrayList<>()).add(role);
            }
        }
        return members;
    }

    @Override
    @Transactional
    public Map<String, String> workspaceMembers(String organizationId, String workspaceId) {
        Map<String, String> members = new TreeMap<>();
        String prefix = GroupPaths.workspace(organizationId, workspaceId, "");
        for (String[] held : this.members.holders(prefix)) {
            String role = held[1].substring(prefix.length());
            // admin wins over member when both were ever recorded
            if (GroupPaths.WORKSPACE_ROLES.contains(role) && !"admin".equals(members.get(held[0]))) {
                members.put(held[0], role);
            }
        }
        return members;
    }

    @Override
    @Transactional
    public Set<String> set(SetOrganizationMemberCommand c) {
        String org = c.organizationId();
        if (organizations.findOrganization(org).isEmpty()) {
            throw ApiException.notFound("Organization " + org + " not found");
        }
        requireUser(c.userId());
        String prefix = "/orgs/" + org + "/";
        List<String> before = directory.groupsOf(c.userId()).stream().filter(g -> g.startsWith(prefix)).sorted()
                .toList();
        if (c.roles().isEmpty()) {
            before.forEach(group -> directory.leave(c.userId(), group));
            members.groupsOf(c.userId()).stream().filter(g -> g.startsWith(prefix))
                    .forEach(group -> members.remove(c.userId(), group));
        } else {
            for (String role : GroupPaths.ORGANIZATION_ROLES) {
                String group = GroupPaths.organization(org, role);
                if (c.roles().contains(role)) {
                    directory.join(c.userId(), group);
                    members.add(c.userId(), group);
                } else {
                    if (before.contains(group)) {
                        directory.leave(c.userId(), group);
                    }
                    members.remove(c.userId(), group);
                }
            }
        }
        owners.retireKeysOf(c.userId(), org);
        auditor.record(org, null, c.roles().isEmpty() ? "member.removed" : "member.updated", "user", c.userId(),
                Snapshots.map("groups", before), Snapshots.map("roles", new TreeSet<>(c.roles())));
        return c.roles();
    }

    @Override
    @Transactional
    public void set(SetWorkspaceMemberCommand c) {
        Workspace ws = workspaces.findWorkspace(c.workspaceId())
                .orElseThrow(() -> ApiException.notFound("Workspace " + c.workspaceId() + " not found"));
        if (c.role() != null && ws.archived()) {
            throw ApiException.conflict("Workspace " + ws.id() + " is archived");
        }
        requireUser(c.userId());
        Set<String> groups = directory.groupsOf(c.userId());
        List<String> before = GroupPaths.WORKSPACE_ROLES.stream()
                .filter(r -> groups.contains(GroupPaths.workspace(ws.organizationId(), ws.id(), r))).sorted().toList();
        for (String role : GroupPaths.WORKSPACE_ROLES) {
            String group = GroupPaths.workspace(ws.organizationId(), ws.id(), role);
            if (role.equals(c.role())) {
                directory.join(c.userId(), group);
                members.add(c.userId(), group);
            } else {
                if (groups.contains(group)) {
                    directory.leave(c.userId(), group);
                }
                members.remove(c.userId(), group);
            }
        }
        owners.retireKeysOf(c.userId(), ws.organizationId());
        auditor.record(ws.organizationId(), ws.id(),
                c.role() == null ? "workspace_member.removed" : "workspace_member.updated", "user", c.userId(),
                Snapshots.map("roles", before), Snapshots.map("role", c.role()));
    }

    private void requireUser(String userId) {
        if (!directory.userExists(userId)) {
            throw ApiException.notFound("User " + userId + " not found");
        }
    }
}
