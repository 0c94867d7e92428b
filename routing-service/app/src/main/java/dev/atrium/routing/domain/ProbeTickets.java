package dev.atrium.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a half-open endpoint to one plan per cool-down, so a recovering provider gets one probe
 * rather than a burst. In memory: after a restart the first plan probes again, which is harmless.
 */
public final class ProbeTickets {

    private final Duration coolDown;
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();

    public ProbeTickets(Duration coolDown) {
        this.coolDown = coolDown;
    }

    /** True for the first caller per endpoint and cool-down period. */
    public boolean take(String endpoint, Instant now) {
        boolean[] taken = {false};
        issued.compute(endpoint, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(coolDown))) {
                taken[0] = true;
                return now;
            }
            return last;
        });
        return taken[0];
    }
}
