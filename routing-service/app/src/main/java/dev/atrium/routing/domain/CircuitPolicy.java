package dev.atrium.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Derives an endpoint's circuit from its stored attempts, so it survives a restart: open after
 * {@code failureThreshold} failures in a row, half-open once {@code coolDown} has passed since the
 * latest of them; a success resets the streak and closes it.
 */
public record CircuitPolicy(int failureThreshold, Duration coolDown) {

    public CircuitPolicy {
        if (failureThreshold <= 0) {
            throw new IllegalArgumentException("the circuit's failure threshold must be positive");
        }
        if (coolDown == null || coolDown.isNegative()) {
            throw new IllegalArgumentException("the circuit's cool-down must not be negative");
        }
    }

    public static CircuitPolicy defaults() {
        return new CircuitPolicy(EndpointStats.OUTAGE_FAILURES, Duration.ofSeconds(30));
    }

    public CircuitState state(Optional<EndpointStats> stats, Instant now) {
        if (stats.isEmpty() || stats.get().consecutiveFailures() < failureThreshold
                || stats.get().lastFailureAt() == null) {
            return CircuitState.CLOSED;
        }
        return now.isBefore(stats.get().lastFailureAt().plus(coolDown)) ? CircuitState.OPEN : CircuitState.HALF_OPEN;
    }
}
