package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.RateCounters;
import dev.atrium.guardrail.domain.RateCounter;
import dev.atrium.guardrail.domain.RateState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

@ApplicationScoped
class RateCountersAdapter implements RateCounters {

    /**
     * Creates missing rows and locks them all in one round trip, in the order given (rows are
     * inserted in ordinality order), so concurrent checks queue instead of deadlocking.
     */
    private static final String LOCK_AND_COUNT = "INSERT INTO rate_counter (level, scope_id, minute_start, requests,"
            + " tokens) SELECT level, scope_id, minute_start::timestamptz, 1, ?::bigint"
            + " FROM unnest(?::text[], ?::text[], ?::text[])"
            + " WITH ORDINALITY AS t (level, scope_id, minute_start, n) ORDER BY n"
            + " ON CONFLICT (level, scope_id, minute_start) DO UPDATE"
            + " SET requests = rate_counter.requests + 1, tokens = rate_counter.tokens + EXCLUDED.tokens"
            + " RETURNING level, scope_id, minute_start, requests - 1 AS requests, tokens - ?::bigint AS tokens";

    private final Jdbc jdbc;

    RateCountersAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement: the request is counted with the lock, since most checks are admitted. */
    @Override
    public Map<RateCounter, RateState> lockAndCount(Collection<RateCounter> counters, long tokens) {
        List<RateCounter> ordered = List.copyOf(new TreeSet<>(counters));
        Map<String, RateCounter> byKey = new HashMap<>();
        ordered.forEach(c -> byKey.put(key(c.level().wire(), c.scopeId(), c.minuteStart()), c));
        Map<RateCounter, RateState> states = new TreeMap<>();
        Object[] arrays = arrays(ordered);
        jdbc.query(LOCK_AND_COUNT, rs -> states.put(byKey.get(key(rs.getString("level"), rs.getString("scope_id"),
                        Jdbc.instant(rs, "minute_start"))), new RateState(rs.getLong("requests"), rs.getLong("tokens"))),
                tokens, arrays[0], arrays[1], arrays[2], tokens);
        return states;
    }

    /** A rollback instead of a statement: nothing a refused check wrote needs to stay. */
    @Override
    public void discardCounts() {
        QuarkusTransaction.setRollbackOnly();
    }

    private static Object[] arrays(List<RateCounter> counters) {
        return new Object[] {counters.stream().map(c -> c.level().wire()).toArray(String[]::new),
                counters.stream().map(RateCounter::scopeId).toArray(String[]::new),
                counters.stream().map(c -> c.minuteStart().toString()).toArray(String[]::new)};
    }

    private static String key(String level, String scopeId, Instant minuteStart) {
        return level + '\n' + scopeId + '\n' + minuteStart;
    }

    @Override
    public int forgetBefore(Instant minuteStart) {
        return jdbc.update("DELETE FROM rate_counter WHERE minute_start < ?", minuteStart);
    }
}
