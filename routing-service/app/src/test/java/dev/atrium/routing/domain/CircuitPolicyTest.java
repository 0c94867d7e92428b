package dev.atrium.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircuitPolicyTest {

    private static final Instant LAST_FAILURE = Instant.parse("2026-11-26T12:00:00Z");

    private final CircuitPolicy policy = new CircuitPolicy(3, Duration.ofSeconds(30));

    @Test
    void fewerFailuresInARowThanTheThresholdKeepTheCircuitClosed() {
        assertThat(policy.state(failures(2), at(LAST_FAILURE.plusSeconds(1)))).isEqualTo(CircuitState.CLOSED);
        assertThat(policy.state(Optional.empty(), at(LAST_FAILURE))).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void theThresholdOpensTheCircuitUntilTheCoolDownHasPassed() {
        assertThat(policy.state(failures(3), at(LAST_FAILURE))).isEqualTo(CircuitState.OPEN);
        assertThat(policy.state(failures(5), at(LAST_FAILURE.plusSeconds(29)))).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void afterTheCoolDownTheCircuitIsHalfOpen() {
        assertThat(policy.state(failures(3), at(LAST_FAILURE.plusSeconds(30)))).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aFailedProbeStartsANewCoolDownFromItsOwnTime() {
        Instant probeFailed = LAST_FAILURE.plusSeconds(40);
        var afterProbe = Optional.of(new EndpointStats("p", "m", 4, 0, null, null, null, 4, probeFailed));

        assertThat(policy.state(afterProbe, at(probeFailed.plusSeconds(10)))).isEqualTo(CircuitState.OPEN);
        assertThat(policy.state(afterProbe, at(probeFailed.plusSeconds(30)))).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aSuccessResetsTheStreakAndClosesTheCircuit() {
        var afterSuccess = Optional.of(new EndpointStats("p", "m", 5, 1, 100.0, 100.0, 50.0, 0, LAST_FAILURE));

        assertThat(policy.state(afterSuccess, at(LAST_FAILURE.plusSeconds(1)))).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void theThresholdIsConfigurable() {
        var patient = new CircuitPolicy(5, Duration.ofMinutes(1));

        assertThat(patient.state(failures(4), at(LAST_FAILURE))).isEqualTo(CircuitState.CLOSED);
        assertThat(patient.state(failures(5), at(LAST_FAILURE.plusSeconds(59)))).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void halfOpenEndpointsGetOneProbePerCoolDown() {
        var tickets = new ProbeTickets(Duration.ofSeconds(30));
        Instant now = LAST_FAILURE.plusSeconds(30);

        assertThat(tickets.take("p\nm", now)).isTrue();
        assertThat(tickets.take("p\nm", now.plusSeconds(29))).isFalse();
        assertThat(tickets.take("other\nm", now.plusSeconds(1))).isTrue();
        assertThat(tickets.take("p\nm", now.plusSeconds(30))).isTrue();
    }

    private static Optional<EndpointStats> failures(long inARow) {
        return Optional.of(new EndpointStats("p", "m", inARow, 0, null, null, null, inARow, LAST_FAILURE));
    }

    /** The instant a fixed clock reads, as the service reads it. */
    private static Instant at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC).instant();
    }
}
