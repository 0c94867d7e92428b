package dev.atrium.workspace.adapter.out.persistence;

import dev.atrium.workspace.application.port.out.DeliveryHealthRepository;
import dev.atrium.workspace.domain.DeliveryHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One row per destination; an upsert so concurrent gateway replicas need no read first. */
@ApplicationScoped
class DeliveryHealthPersistenceAdapter implements DeliveryHealthRepository {

    private final EntityManager em;

    DeliveryHealthPersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(String workspaceId, String endpoint, boolean delivered, String error, Instant at) {
        String sql = delivered
                ? "INSERT INTO observability_delivery (workspace_id, endpoint, last_success_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (workspace_id, endpoint) DO UPDATE SET last_success_at = "
                        + "GREATEST(observability_delivery.last_success_at, EXCLUDED.last_success_at)"
                : "INSERT INTO observability_delivery (workspace_id, endpoint, last_error, last_error_at) "
                        + "VALUES (?1, ?2, ?4, ?3) ON CONFLICT (workspace_id, endpoint) DO UPDATE SET "
                        + "last_error = CASE WHEN observability_delivery.last_error_at IS NULL "
                        + "OR observability_delivery.last_error_at <= EXCLUDED.last_error_at THEN EXCLUDED.last_error "
                        + "ELSE observability_delivery.last_error END, "
                        + "last_error_at = GREATEST(observability_delivery.last_error_at, EXCLUDED.last_error_at)";
        var query = em.createNativeQuery(sql).setParameter(1, workspaceId).setParameter(2, endpoint)
                .setParameter(3, Timestamp.from(at));
        if (!delivered) {
            query.setParameter(4, error);
        }
        query.executeUpdate();
    }

    @Override
    public Map<String, DeliveryHealth> byEndpoint(String workspaceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT endpoint, last_success_at, last_error, last_error_at "
                + "FROM observability_delivery WHERE workspace_id = ?1").setParameter(1, workspaceId).getResultList();
        Map<String, DeliveryHealth> byEndpoint = new HashMap<>();
        for (Object[] row : rows) {
            byEndpoint.put((String) row[0], new DeliveryHealth(instant(row[1]), (String) row[2], instant(row[3])));
        }
        return byEndpoint;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
