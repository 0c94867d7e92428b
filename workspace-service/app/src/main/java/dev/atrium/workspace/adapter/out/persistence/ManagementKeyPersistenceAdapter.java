package dev.atrium.workspace.adapter.out.persistence;

import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.out.ManagementKeyRepository;
import dev.atrium.workspace.domain.ManagementKey;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
class ManagementKeyPersistenceAdapter implements ManagementKeyRepository {

    @Override
    public void add(ManagementKey key) {
        ManagementKeyEntity e = new ManagementKeyEntity();
        e.id = key.id();
        e.organizationId = key.organizationId();
        e.name = key.name();
        e.prefix = key.prefix();
        e.last4 = key.last4();
        e.keyHash = key.hash();
        e.creatorUserId = key.creatorUserId();
        e.createdAt = key.createdAt();
        e.persist();
    }

    @Override
    public void update(ManagementKey key) {
        ManagementKeyEntity e = ManagementKeyEntity.findById(key.id());
        e.name = key.name();
        e.revokedAt = key.revokedAt();
    }

    @Override
    public Optional<ManagementKey> findLiveByHash(String hash) {
        return ManagementKeyEntity.<ManagementKeyEntity>find("keyHash = ?1 and revokedAt is null", hash)
                .firstResultOptional().map(ManagementKeyPersistenceAdapter::toDomain);
    }

    @Override
    public Optional<ManagementKey> findLive(String organizationId, String keyId) {
        return ManagementKeyEntity.<ManagementKeyEntity>findByIdOptional(keyId)
                .filter(e -> e.organizationId.equals(organizationId) && e.revokedAt == null)
                .map(ManagementKeyPersistenceAdapter::toDomain);
    }

    @Override
    public Page<ManagementKey> list(String organizationId, PageRequest page) {
        Parameters p = Parameters.with("org", organizationId);
        StringBuilder q = new StringBuilder("organizationId = :org and revokedAt is null");
        if (page.cursor() != null) {
            var at = Keyset.position(page.cursor());
            q.append(" and (createdAt > :t or (createdAt = :t and id > :id))");
            p.and("t", at.createdAt()).and("id", at.id());
        }
        q.append(" order by createdAt, id");
        return Keyset.page(ManagementKeyEntity.<ManagementKeyEntity>find(q.toString(), p).range(0, page.limit()).list(),
                page.limit(), e -> Keyset.encode(e.createdAt, e.id), ManagementKeyPersistenceAdapter::toDomain);
    }

    private static ManagementKey toDomain(ManagementKeyEntity e) {
        return new ManagementKey(e.id, e.organizationId, e.name, e.prefix, e.last4, e.keyHash, e.creatorUserId,
                e.createdAt, e.revokedAt);
    }
}
