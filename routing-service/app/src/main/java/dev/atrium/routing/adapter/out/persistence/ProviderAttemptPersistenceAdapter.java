package dev.atrium.routing.adapter.out.persistence;

import dev.atrium.routing.application.port.out.ProviderAttemptRepository;
import dev.atrium.routing.domain.Attempt;
import dev.atrium.routing.domain.EndpointStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.query.NativeQuery;

@ApplicationScoped
class ProviderAttemptPersistenceAdapter implements ProviderAttemptRepository {

    /** Latency is time to first token when the attempt streamed, else the whole call. */
    private static final String STATS = """
            WITH recent AS (
                SELECT * FROM provider_attempt WHERE attempted_at >= :since
            ), last_success AS (
                SELECT provider, model, max(attempted_at) AS at FROM recent
                WHERE outcome = 'success' GROUP BY provider, model
            )
            SELECT r.provider, r.model, count(*),
                   count(*) FILTER (WHERE r.outcome = 'success'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(r.time_to_first_token_ms, r.latency_ms))
                       FILTER (WHERE r.outcome = 'success'),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY coalesce(r.time_to_first_token_ms, r.latency_ms))
                       FILTER (WHERE r.outcome = 'success'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.completion_tokens * 1000.0 / r.latency_ms)
                       FILTER (WHERE r.outcome = 'success' AND r.latency_ms > 0 AND r.completion_tokens > 0),
                   count(*) FILTER (WHERE r.outcome <> 'success' AND (s.at IS NULL OR r.attempted_at > s.at)),
                   max(r.attempted_at) FILTER (WHERE r.outcome <> 'success')
            FROM recent r LEFT JOIN last_success s ON s.provider = r.provider AND s.model = r.model
            GROUP BY r.provider, r.model
            ORDER BY r.provider, r.model
            """;

    private final EntityManager em;

    ProviderAttemptPersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public int addAll(List<Attempt> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
        int added = 0;
        for (Attempt a : batch) {
            added += add(a) ? 1 : 0;
        }
        return added;
    }

    @Override
    public boolean add(Attempt a) {
        // ON CONFLICT keeps a redelivered event from failing the consumer's transaction.
        NativeQuery<?> insert = em.createNativeQuery("""
                INSERT INTO provider_attempt (event_id, generation_id, provider, model, outcome, status, latency_ms,
                    time_to_first_token_ms, completion_tokens, attempted_at)
                VALUES (:eventId, :generationId, :provider, :model, :outcome, :status, :latencyMs,
                    :ttft, :completionTokens, :at)
                ON CONFLICT (event_id) DO NOTHING
                """).unwrap(NativeQuery.class);
        return insert.setParameter("eventId", a.eventId())
                .setParameter("generationId", a.generationId(), String.class)
                .setParameter("provider", a.provider())
                .setParameter("model", a.model())
                .setParameter("outcome", a.outcome())
                .setParameter("status", a.status())
                .setParameter("latencyMs", a.latencyMs())
                .setParameter("ttft", a.timeToFirstTokenMs(), Long.class)
                .setParameter("completionTokens", a.completionTokens())
                .setParameter("at", Timestamp.from(a.at()))
                .executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<EndpointStats> statsSince(Instant since) {
        List<Object[]> rows = em.createNativeQuery(STATS).setParameter("since", Timestamp.from(since)).getResultList();
        return rows.stream().map(ProviderAttemptPersistenceAdapter::toStats).toList();
    }

    private static EndpointStats toStats(Object[] r) {
        return new EndpointStats((String) r[0], (String) r[1], number(r[2]), number(r[3]), decimal(r[4]),
                decimal(r[5]), decimal(r[6]), number(r[7]), instant(r[8]));
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM provider_attempt WHERE attempted_at < :cutoff")
                .setParameter("cutoff", Timestamp.from(cutoff)).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
