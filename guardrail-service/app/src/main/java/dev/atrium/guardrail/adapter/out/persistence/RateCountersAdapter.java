package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.RateCounters;
import dev.atrium.guardrail.domain.RateCounter;
import dev.atrium.guardrail.domain.RateState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

@ApplicationScoped
class RateCountersAdapter implements RateCounters {

    private static final String WHERE = " WHERE level = ? AND scope_id = ? AND minute_start = ?";

    private final Jdbc jdbc;

    RateCountersAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<RateCounter, RateState> lockRates(Collection<RateCounter> counters) {
        Map<RateCounter, RateState> states = new TreeMap<>();
        for (RateCounter c : new TreeSet<>(counters)) {
            states.put(c, jdbc.query("INSERT INTO rate_counter (level, scope_id, minute_start) VALUES (?, ?, ?)"
                    + " ON CONFLICT (level, scope_id, minute_start) DO UPDATE SET requests = rate_counter.requests"
                    + " RETURNING requests, tokens", rs -> new RateState(rs.getLong("requests"), rs.getLong("tokens")),
                    c.level().wire(), c.scopeId(), c.minuteStart()).get(0));
        }
        return states;
    }

    @Override
    public void count(Collection<RateCounter> counters, long tokens) {
        for (RateCounter c : new TreeSet<>(counters)) {
            jdbc.update("UPDATE rate_counter SET requests = requests + 1, tokens = tokens + ?" + WHERE, tokens,
                    c.level().wire(), c.scopeId(), c.minuteStart());
        }
    }

    @Override
    public int forgetBefore(Instant minuteStart) {
        return jdbc.update("DELETE FROM rate_counter WHERE minute_start < ?", minuteStart);
    }
}
