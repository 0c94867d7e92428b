package dev.atrium.workspace.adapter.out.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.atrium.workspace.application.port.in.AuditQuery.AuditFilter;
import dev.atrium.workspace.application.port.in.Page;
import dev.atrium.workspace.application.port.in.PageRequest;
import dev.atrium.workspace.application.port.out.AuditLog;
import dev.atrium.workspace.domain.AuditEntry;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

@ApplicationScoped
class AuditPersistenceAdapter implements AuditLog {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final Json json;

    AuditPersistenceAdapter(Json json) {
        this.json = json;
    }

    @Override
    public void append(AuditEntry a) {
        AuditEventEntity e = new AuditEventEntity();
        e.organizationId = a.organizationId();
        e.workspaceId = a.workspaceId();
        e.actor = a.actor();
        e.action = a.action();
        e.targetType = a.targetType();
        e.targetId = a.targetId();
        e.beforeState = a.before() == null ? null : json.write(a.before());
        e.afterState = a.after() == null ? null : json.write(a.after());
        e.occurredAt = a.occurredAt();
        e.persist();
    }

    @Override
    public Page<AuditEntry> list(String organizationId, AuditFilter filter, PageRequest page) {
        Parameters p = Parameters.with("org", organizationId);
        StringBuilder q = new StringBuilder("organizationId = :org");
        condition(q, p, "action", filter.action());
        condition(q, p, "workspaceId", filter.workspaceId());
        condition(q, p, "actor", filter.actor());
        condition(q, p, "targetId", filter.targetId());
        if (page.cursor() != null) {
            q.append(" and id < :before");
            p.and("before", Keyset.number(page.cursor()));
        }
        q.append(" order by id desc");
        return Keyset.page(AuditEventEntity.<AuditEventEntity>find(q.toString(), p).range(0, page.limit()).list(),
                page.limit(), e -> Keyset.encode(String.valueOf(e.id)), this::toDomain);
    }

    private static void condition(StringBuilder q, Parameters p, String field, String value) {
        if (value != null && !value.isBlank()) {
            q.append(" and ").append(field).append(" = :").append(field);
            p.and(field, value);
        }
    }

    private AuditEntry toDomain(AuditEventEntity e) {
        return new AuditEntry(e.id, e.organizationId, e.workspaceId, e.actor, e.action, e.targetType, e.targetId,
                json.read(e.beforeState, OBJECT), json.read(e.afterState, OBJECT), e.occurredAt);
    }
}
