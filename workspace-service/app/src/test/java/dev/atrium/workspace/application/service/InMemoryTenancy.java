package dev.atrium.workspace.application.service;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.out.ApiKeyRepository;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceEventPublisher;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Slug;
import dev.atrium.workspace.domain.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fakes of the tenancy out-ports, for use-case tests; listings page by position. */
class InMemoryTenancy implements OrganizationRepository, WorkspaceRepository, ApiKeyRepository,
        WorkspaceEventPublisher {

    final Map<String, Organization> organizations = new LinkedHashMap<>();
    final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    final Map<String, ApiKey> keys = new LinkedHashMap<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void add(Organization organization) {
        organizations.put(organization.id(), organization);
    }

    @Override
    public void update(Organization organization) {
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
    public void update(Workspace workspace) {
        workspaces.put(workspace.id(), workspace);
    }

    @Override
    public Optional<Workspace> findWorkspaceForUpdate(String id) {
        return findWorkspace(id);
    }

    @Override
    public boolean slugTaken(String organizationId, Slug slug) {
        return workspaces.values().stream()
                .anyMatch(w -> w.organizationId().equals(organizationId) && w.slug().equals(slug));
    }

    @Override
    public Page<Workspace> list(String organizationId, boolean includeArchived, PageRequest page) {
        return page(workspaces.values().stream()
                .filter(w -> w.organizationId().equals(organizationId) && (includeArchived || !w.archived()))
                .toList(), page);
    }

    @Override
    public void add(ApiKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public void update(ApiKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return keys.values().stream().filter(k -> k.hash().equals(hash) || hash.equals(k.previousHash()))
                .findFirst();
    }

    @Override
    public Optional<ApiKey> findKey(String workspaceId, String keyId) {
        return Optional.ofNullable(keys.get(keyId)).filter(k -> k.workspaceId().equals(workspaceId));
    }

    @Override
    public List<ApiKey> ownedBy(String organizationId, String ownerUserId) {
        return ownedBy(ownerUserId).stream().filter(k -> k.organizationId().equals(organizationId)).toList();
    }

    @Override
    public List<ApiKey> ownedBy(String ownerUserId) {
        return keys.values().stream().filter(k -> ownerUserId.equals(k.ownerUserId()) && k.revokedAt() == null
                && k.ownerRemovedAt() == null).toList();
    }

    @Override
    public Page<ApiKey> list(String workspaceId, PageRequest page) {
        return page(keys.values().stream().filter(k -> k.workspaceId().equals(workspaceId) && k.revokedAt() == null)
                .toList(), page);
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
    public void organizationUpdated(Organization organization, Instant at) {
        events.add("organization.updated:" + organization.id());
    }

    @Override
    public void workspaceCreated(Workspace workspace) {
        events.add("workspace.created:" + workspace.id());
    }

    @Override
    public void workspaceUpdated(Workspace workspace, Instant at) {
        events.add("workspace.updated:" + workspace.id() + "@" + workspace.settingsRevision());
    }

    @Override
    public void workspaceArchived(Workspace workspace, Instant at) {
        events.add("workspace.archived:" + workspace.id());
    }

    @Override
    public void workspaceSettingsChanged(Workspace workspace, String section, Instant at) {
        events.add("workspace.settings-changed:" + section + "@" + workspace.settingsRevision());
    }

    @Override
    public void apiKeyCreated(ApiKey key) {
        events.add("api-key.created:" + key.id());
    }

    @Override
    public void apiKeyUpdated(ApiKey key, Instant at) {
        events.add("api-key.updated:" + key.id());
    }

    @Override
    public void apiKeyRotated(ApiKey key, Instant at) {
        events.add("api-key.rotated:" + key.id());
    }

    @Override
    public void apiKeyRevoked(ApiKey key, Instant at) {
        events.add("api-key.revoked:" + key.id());
    }

    @Override
    public void apiKeyOwnerRemoved(ApiKey key, Instant at) {
        events.add("api-key.owner-removed:" + key.id());
    }

    static <T> Page<T> page(List<T> all, PageRequest page) {
        int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
        int to = Math.min(all.size(), from + page.limit());
        return new Page<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
    }
}
