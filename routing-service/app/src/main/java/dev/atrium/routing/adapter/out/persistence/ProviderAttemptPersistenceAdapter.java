package dev.atrium.routing.adapter.out.persistence;

import dev.atrium.routing.application.port.out.ProviderAttemptRepository;
import dev.atrium.routing.domain.Attempt;
import dev.atrium.routing.domain.EndpointStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

@ApplicationScoped
class ProviderAttemptPersistenceAdapter implements ProviderAttemptRepository {

    /**
     * Each endpoint's latest attempts in the window, at most {@link EndpointStats#LATEST_ATTEMPTS}: the
     * endpoints are found by skipping through the (provider, model, attempted_at) index, one probe each,
     * and each endpoint's attempts are read newest first from it, so the cost is bounded by the number
     * of endpoints, not by the window's traffic. Latency is time to first token when the attempt
     * streamed, else the whole call.
     */
    private static final String STATS = """
            WITH RECURSIVE endpoints AS (
                (SELECT provider, model FROM provider_attempt ORDER BY provider, model LIMIT 1)
                UNION ALL
                SELECT n.provider, n.model FROM endpoints e CROSS JOIN LATERAL (
                    SELECT x.provider, x.model FROM provider_attempt x
                    WHERE (x.provider, x.model) > (e.provider, e.model)
                    ORDER BY x.provider, x.model LIMIT 1) n
            ), recent AS (
                SELECT a.* FROM endpoints e CROSS JOIN LATERAL (
                    SELECT * FROM provider_attempt x
                    WHERE x.provider = e.provider AND x.model = e.model AND x.attempted_at >= :since
                    ORDER BY x.attempted_at DESC LIMIT :latest) a
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

    /**
     * One statement per batch whatever its size: the columns go as arrays, so the statement text (and
     * its server-side plan) never changes. Timestamps go as ISO text, which PostgreSQL reads exactly.
     */
    private static final String INSERT = """
            INSERT INTO provider_attempt (event_id, generation_id, provider, model, outcome, status, latency_ms,
                time_to_first_token_ms, completion_tokens, attempted_at)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[],
                ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[])
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final EntityManager em;
    private final DataSource dataSource;

    ProviderAttemptPersistenceAdapter(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Plain JDBC on the transaction's connection: an attempt is a row, not an entity, and the consumer
     * stores hundreds at once. A repeated event id within the batch is dropped here, one already stored
     * by the database.
     */
    @Override
    public int addAll(List<Attempt> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, Attempt> once = new LinkedHashMap<>();
        for (Attempt a : batch) {
            once.putIfAbsent(a.eventId(), a);
        }
        int n = once.size();
        String[] eventIds = new String[n];
        String[] generationIds = new String[n];
        String[] providers = new String[n];
        String[] models = new String[n];
        String[] outcomes = new String[n];
        Integer[] statuses = new Integer[n];
        Long[] latencies = new Long[n];
        Long[] ttfts = new Long[n];
        Long[] completionTokens = new Long[n];
        String[] ats = new String[n];
        int i = 0;
        for (Attempt a : once.values()) {
            eventIds[i] = a.eventId();
            generationIds[i] = a.generationId();
            providers[i] = a.provider();
            models[i] = a.model();
            outcomes[i] = a.outcome();
            statuses[i] = a.status();
            latencies[i] = a.latencyMs();
            ttfts[i] = a.timeToFirstTokenMs();
            completionTokens[i] = a.completionTokens();
            ats[i] = a.at().toString();
            i++;
        }
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setArray(1, c.createArrayOf("varchar", eventIds));
                insert.setArray(2, c.createArrayOf("varchar", generationIds));
                insert.setArray(3, c.createArrayOf("varchar", providers));
                insert.setArray(4, c.createArrayOf("varchar", models));
                insert.setArray(5, c.createArrayOf("varchar", outcomes));
                insert.setArray(6, c.createArrayOf("int4", statuses));
                insert.setArray(7, c.createArrayOf("int8", latencies));
                insert.setArray(8, c.createArrayOf("int8", ttfts));
                insert.setArray(9, c.createArrayOf("int8", completionTokens));
                insert.setArray(10, c.createArrayOf("timestamptz", ats));
                return insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + n + " provider attempts", e);
        }
    }

    @Override
    public boolean add(Attempt a) {
        return addAll(List.of(a)) == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<EndpointStats> statsSince(Instant since) {
        List<Object[]> rows = em.createNativeQuery(STATS).setParameter("since", Timestamp.from(since))
                .setParameter("latest", EndpointStats.LATEST_ATTEMPTS).getResultList();
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
