package dev.atrium.workspace.adapter.out.persistence;

import dev.atrium.workspace.application.port.out.ApiKeyRepository;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.domain.LimitReset;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Slug;
import dev.atrium.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
class TenancyPersistenceAdapter implements OrganizationRepository, WorkspaceRepository, ApiKeyRepository {

    @Override
    public void add(Organization organization) {
        OrganizationEntity e = new OrganizationEntity();
        e.id = organization.id();
        e.name = organization.name();
        e.slug = organization.slug().value();
        e.createdAt = organization.createdAt();
        e.persist();
    }

    @Override
    public Optional<Organization> findOrganization(String id) {
        return OrganizationEntity.<OrganizationEntity>findByIdOptional(id)
                .map(e -> new Organization(e.id, e.name, new Slug(e.slug), e.createdAt));
    }

    @Override
    public boolean slugTaken(Slug slug) {
        return OrganizationEntity.count("slug", slug.value()) > 0;
    }

    @Override
    public void add(Workspace workspace) {
        WorkspaceEntity e = new WorkspaceEntity();
        e.id = workspace.id();
        e.organizationId = workspace.organizationId();
        e.name = workspace.name();
        e.slug = workspace.slug().value();
        e.defaultTextModel = workspace.defaultTextModel();
        e.defaultProviderSort = workspace.defaultProviderSort();
        e.archived = workspace.archived();
        e.settingsRevision = workspace.settingsRevision();
        e.createdAt = workspace.createdAt();
        e.persist();
    }

    @Override
    public Optional<Workspace> findWorkspace(String id) {
        return WorkspaceEntity.<WorkspaceEntity>findByIdOptional(id).map(TenancyPersistenceAdapter::toDomain);
    }

    @Override
    public boolean slugTaken(String organizationId, Slug slug) {
        return WorkspaceEntity.count("organizationId = ?1 and slug = ?2", organizationId, slug.value()) > 0;
    }

    @Override
    public void add(ApiKey key) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.id = key.id();
        e.workspaceId = key.workspaceId();
        e.organizationId = key.organizationId();
        e.name = key.name();
        e.prefix = key.prefix();
        e.last4 = key.last4();
        e.keyHash = key.hash();
        e.ownerUserId = key.ownerUserId();
        e.spendLimit = key.limit();
        e.limitReset = key.limitReset() == null ? null : key.limitReset().wire();
        e.includeByokInLimit = key.includeByokInLimit();
        e.expiresAt = key.expiresAt();
        e.disabled = key.disabled();
        e.createdAt = key.createdAt();
        e.persist();
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return ApiKeyEntity.<ApiKeyEntity>find("keyHash", hash).firstResultOptional()
                .map(e -> new ApiKey(e.id, e.workspaceId, e.organizationId, e.name, e.prefix, e.last4, e.keyHash,
                        e.ownerUserId, e.spendLimit, LimitReset.parse(e.limitReset), e.includeByokInLimit,
                        e.expiresAt, e.disabled, e.createdAt));
    }

    private static Workspace toDomain(WorkspaceEntity e) {
        return new Workspace(e.id, e.organizationId, e.name, new Slug(e.slug), e.defaultTextModel,
                e.defaultProviderSort, e.archived, e.settingsRevision, e.createdAt);
    }
}
