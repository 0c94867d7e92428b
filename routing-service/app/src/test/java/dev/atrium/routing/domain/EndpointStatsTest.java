package dev.atrium.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointStatsTest {

    @Test
    void uptimeIsSuccessesOverRequests() {
        assertThat(new EndpointStats("p", "m", 4, 3, null, null, null, 0).uptime()).isEqualTo(0.75);
    }

    @Test
    void threeFailuresInARowAreAnOutage() {
        var twice = new EndpointStats("p", "m", 5, 3, null, null, null, 2);
        var thrice = new EndpointStats("p", "m", 5, 2, null, null, null, 3);

        assertThat(twice.inOutage()).isFalse();
        assertThat(twice.status()).isZero();
        assertThat(thrice.inOutage()).isTrue();
        assertThat(thrice.status()).isEqualTo(-1);
    }
}
