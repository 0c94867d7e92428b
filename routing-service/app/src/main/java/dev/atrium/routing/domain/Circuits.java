package dev.atrium.routing.domain;

import java.time.Instant;

/** The circuit of each endpoint a plan considers. */
@FunctionalInterface
public interface Circuits {

    CircuitState of(Endpoint endpoint);

    static Circuits allClosed() {
        return e -> CircuitState.CLOSED;
    }

    /** What a plan sees: half-open endpoints only while a probe ticket is theirs, else open. */
    static Circuits forPlan(CircuitPolicy policy, LiveStats stats, ProbeTickets tickets, Instant now) {
        return e -> {
            CircuitState state = policy.state(stats.of(e.providerId(), e.modelId()), now);
            if (state == CircuitState.HALF_OPEN && !tickets.take(e.providerId() + "\n" + e.modelId(), now)) {
                return CircuitState.OPEN;
            }
            return state;
        };
    }

    /** What a preview shows: the derived state, without taking a probe ticket. */
    static Circuits forPreview(CircuitPolicy policy, LiveStats stats, Instant now) {
        return e -> policy.state(stats.of(e.providerId(), e.modelId()), now);
    }
}
