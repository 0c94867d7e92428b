package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.RateCounters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
class RateCountersAdapter implements RateCounters {

    private final Jdbc jdbc;

    RateCountersAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int forgetBefore(Instant bucketStart) {
        return jdbc.update("DELETE FROM rate_counter WHERE minute_start < ?", bucketStart);
    }
}
