package dev.atrium.workspace.adapter.out.persistence;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.out.ApiKeyRepository;
import dev.atrium.workspace.application.port.out.OrganizationRepository;
import dev.atrium.workspace.application.port.out.WorkspaceRepository;
import dev.atrium.workspace.domain.ApiKey;
import dev.atrium.workspace.api.LimitReset;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.Slug;
import dev.atrium.workspace.domain.Workspace;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class TenancyPersistenceAdapter implements OrganizationRepository, WorkspaceRepository, ApiKeyRepository {

    @Override
    public void add(Organization organization) {
        OrganizationEntity e = new OrganizationEntity();
        e.id = organization.id();
        e.createdAt = organization.createdAt();
        e.slug = organization.slug().value();
        e.name = organization.name();
        e.persist();
    }

    @Override
    public void update(Organization organization) {
        OrganizationEntity e = OrganizationEntity.findById(organization.id());
        e.name = organization.name();
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
        e.slug = workspace.slug().value();
        e.createdAt = workspace.createdAt();
        write(workspace, e);
        e.persist();
    }

    @Override
    public void update(Workspace workspace) {
        write(workspace, WorkspaceEntity.findById(workspace.id()));
    }

    @Override
    public Optional<Workspace> findWorkspace(String id) {
        return WorkspaceEntity.<WorkspaceEntity>findByIdOptional(id).map(TenancyPersistenceAdapter::toDomain);
    }

    @Override
    public Optional<Workspace> findWorkspaceForUpdate(String id) {
        return WorkspaceEntity.<WorkspaceEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .map(TenancyPersistenceAdapter::toDomain);
    }

    @Override
    public boolean slugTaken(String organizationId, Slug slug) {
        return WorkspaceEntity.count("organizationId = ?1 and slug = ?2", organizationId, slug.value()) > 0;
    }

    @Override
    public Page<Workspace> list(String organizationId, boolean includeArchived, PageRequest page) {
        Parameters p = Parameters.with("org", organizationId);
        StringBuilder q = new StringBuilder("organizationId = :org");
        if (!includeArchived) {
            q.append(" and archived = false");
        }
        if (page.cursor() != null) {
            var at = Keyset.position(page.cursor());
            q.append(" and (createdAt > :t or (createdAt = :t and id > :id))");
            p.and("t", at.createdAt()).and("id", at.id());
        }
        q.append(" order by createdAt, id");
        return Keyset.page(WorkspaceEntity.<WorkspaceEntity>find(q.toString(), p).range(0, page.limit()).list(),
                page.limit(), e -> Keyset.encode(e.createdAt, e.id), TenancyPersistenceAdapter::toDomain);
    }

    @Override
    public void add(ApiKey key) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.id = key.id();
        e.workspaceId = key.workspaceId();
        e.organizationId = key.organizationId();
        e.ownerUserId = key.ownerUserId();
        e.createdAt = key.createdAt();
        write(key, e);
        e.persist();
    }

    @Override
    public void update(ApiKey key) {
        write(key, ApiKeyEntity.findById(key.id()));
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return ApiKeyEntity.<ApiKeyEntity>find("keyHash = ?1 or previousKeyHash = ?1", hash).firstResultOptional()
                .map(TenancyPersistenceAdapter::toDomain);
    }

    @Override
    public Optional<ApiKey> findKey(String workspaceId, String keyId) {
        return ApiKeyEntity.<ApiKeyEntity>findByIdOptional(keyId).filter(e -> e.workspaceId.equals(workspaceId))
                .map(TenancyPersistenceAdapter::toDomain);
    }

    @Override
    public List<ApiKey> ownedBy(String organizationId, String ownerUserId) {
        return ApiKeyEntity.<ApiKeyEntity>list("organizationId = ?1 and ownerUserId = ?2 and revokedAt is null"
                + " and ownerRemovedAt is null", organizationId, ownerUserId).stream()
                .map(TenancyPersistenceAdapter::toDomain).toList();
    }

    @Override
    public List<ApiKey> ownedBy(String ownerUserId) {
        return ApiKeyEntity.<ApiKeyEntity>list("ownerUserId = ?1 and revokedAt is null and ownerRemovedAt is null",
                ownerUserId).stream().map(TenancyPersistenceAdapter::toDomain).toList();
    }

    @Override
    public Page<ApiKey> list(String workspaceId, PageRequest page) {
        Parameters p = Parameters.with("ws", workspaceId);
        StringBuilder q = new StringBuilder("workspaceId = :ws and revokedAt is null");
        if (page.cursor() != null) {
            var at = Keyset.position(page.cursor());
            q.append(" and (createdAt > :t or (createdAt = :t and id > :id))");
            p.and("t", at.createdAt()).and("id", at.id());
        }
        q.append(" order by createdAt, id");
        return Keyset.page(ApiKeyEntity.<ApiKeyEntity>find(q.toString(), p).range(0, page.limit()).list(),
                page.limit(), e -> Keyset.encode(e.createdAt, e.id), TenancyPersistenceAdapter::toDomain);
    }

    private static void write(Workspace w, WorkspaceEntity e) {
        e.name = w.name();
        e.defaultTextModel = w.defaultTextModel();
        e.defaultProviderSort = w.defaultProviderSort();
        e.archived = w.archived();
        e.settingsRevision = w.settingsRevision();
    }

    private static void write(ApiKey k, ApiKeyEntity e) {
        e.name = k.name();
        e.prefix = k.prefix();
        e.last4 = k.last4();
        e.keyHash = k.hash();
        e.spendLimit = k.limit();
        e.limitReset = k.limitReset() == null ? null : k.limitReset().wire();
        e.includeByokInLimit = k.includeByokInLimit();
        e.expiresAt = k.expiresAt();
        e.disabled = k.disabled();
        e.previousKeyHash = k.previousHash();
        e.previousValidUntil = k.previousValidUntil();
        e.revokedAt = k.revokedAt();
        e.ownerRemovedAt = k.ownerRemovedAt();
    }

    private static Workspace toDomain(WorkspaceEntity e) {
        return new Workspace(e.id, e.organizationId, e.name, new Slug(e.slug), e.defaultTextModel,
                e.defaultProviderSort, e.archived, e.settingsRevision, e.createdAt);
    }

    private static ApiKey toDomain(ApiKeyEntity e) {
        return new ApiKey(e.id, e.workspaceId, e.organizationId, e.name, e.prefix, e.last4, e.keyHash, e.ownerUserId,
                e.spendLimit, LimitReset.parse(e.limitReset), e.includeByokInLimit, e.expiresAt, e.disabled,
                e.createdAt, e.previousKeyHash, e.previousValidUntil, e.revokedAt, e.ownerRemovedAt);
    }
}
