package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.out.ApiKeyRepository;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Slug;
import dev.atrium.workspace.domain.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fakes of the out-ports, for use-case tests. */
class InMemoryTenancy implements OrganizationRepository, WorkspaceRepository, ApiKeyRepository,
        WorkspaceEventPublisher {

    final Map<String, Organization> organizations = new HashMap<>();
    final Map<String, Workspace> workspaces = new HashMap<>();
    final Map<String, ApiKey> keys = new HashMap<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void add(Organization organization) {
        organizations.put(organization.id(), organization);
    }

    @Override
    public Optional<Organization> findOrganization(String id) {
        return Optional.ofNullable(organizations.get(id));
    }

    @Override
    public boolean slugTaken(Slug slug) {
        return organizations.values().stream().anyMatch(o -> o.slug().equals(slug));
    }

    @Override
    public void add(Workspace workspace) {
        workspaces.put(workspace.id(), workspace);
    }

    @Override
    public boolean slugTaken(String organizationId, Slug slug) {
        return workspaces.values().stream()
                .anyMatch(w -> w.organizationId().equals(organizationId) && w.slug().equals(slug));
    }

    @Override
    public void add(ApiKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return keys.values().stream().filter(k -> k.hash().equals(hash)).findFirst();
    }

    @Override
    public Optional<Workspace> findWorkspace(String id) {
        return Optional.ofNullable(workspaces.get(id));
    }

    @Override
    public void organizationCreated(Organization organization) {
        events.add("organization.created:" + organization.id());
    }

    @Override
    public void workspaceCreated(Workspace workspace) {
        events.add("workspace.created:" + workspace.id());
    }

    @Override
    public void apiKeyCreated(ApiKey key) {
        events.add("api-key.created:" + key.id());
    }
}
