package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.ProcessedEvents;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import dev.atrium.workspace.api.LimitReset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class TenancyPersistenceAdapter implements TenancyRepository, ProcessedEvents {

    private final EntityManager em;
    private final Jdbc jdbc;

    TenancyPersistenceAdapter(EntityManager em, Jdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    @Override
    public boolean markProcessed(String eventId, String type, Instant at) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id, type, processed_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, at)
                .executeUpdate() == 1;
    }

    @Override
    public void saveWorkspace(KnownWorkspace workspace) {
        WorkspaceEntity e = WorkspaceEntity.<WorkspaceEntity>findByIdOptional(workspace.id())
                .orElseGet(WorkspaceEntity::new);
        e.id = workspace.id();
        e.organizationId = workspace.organizationId();
        e.persist();
    }

    @Override
    public void saveKey(KnownKey key) {
        ApiKeyEntity e = ApiKeyEntity.<ApiKeyEntity>findByIdOptional(key.id()).orElseGet(ApiKeyEntity::new);
        e.id = key.id();
        e.workspaceId = key.workspaceId();
        e.organizationId = key.organizationId();
        e.ownerUserId = key.ownerUserId();
        e.spendLimit = key.limit();
        e.limitReset = key.limitReset() == null ? null : key.limitReset().wire();
        e.includeByokInLimit = key.includeByokInLimit();
        e.persist();
    }

    @Override
    public Optional<KnownWorkspace> findWorkspace(String workspaceId) {
        return WorkspaceEntity.<WorkspaceEntity>findByIdOptional(workspaceId)
                .map(e -> new KnownWorkspace(e.id, e.organizationId));
    }

    /** Plain JDBC, so a check's transaction opens no Hibernate session for it. */
    @Override
    public Optional<KnownKey> findKey(String keyId) {
        return Optional.ofNullable(findKeys(List.of(keyId)).get(keyId));
    }

    /**
     * Plain JDBC, which does not flush the session first: the check and settlement read keys in
     * transactions that write no entity.
     */
    @Override
    public Map<String, KnownKey> findKeys(Collection<String> keyIds) {
        Map<String, KnownKey> keys = new HashMap<>();
        jdbc.query("SELECT id, workspace_id, organization_id, owner_user_id, spend_limit, limit_reset,"
                        + " include_byok_in_limit FROM api_key WHERE id = ANY (?::text[])",
                rs -> new KnownKey(rs.getString("id"), rs.getString("workspace_id"), rs.getString("organization_id"),
                        rs.getString("owner_user_id"), rs.getBigDecimal("spend_limit"),
                        LimitReset.parse(rs.getString("limit_reset")), rs.getBoolean("include_byok_in_limit")),
                (Object) keyIds.toArray(String[]::new)).forEach(k -> keys.put(k.id(), k));
        return keys;
    }
}
