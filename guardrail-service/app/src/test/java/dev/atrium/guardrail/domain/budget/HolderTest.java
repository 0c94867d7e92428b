package dev.atrium.guardrail.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolderTest {

    private static final Instant NOW = Instant.parse("2026-12-06T23:00:00Z");

    @Test
    void aNewLifeOutlivesTheHoldsOfItsInstancesEarlierLives() {
        assertThat(new Holder("gateway-0", "life-2").outlived(held(new Holder("gateway-0", "life-1")))).isTrue();
    }

    @Test
    void aLifeNeverGivesBackItsOwnHolds() {
        assertThat(new Holder("gateway-0", "life-2").outlived(held(new Holder("gateway-0", "life-2")))).isFalse();
    }

    @Test
    void twoInstancesNeverGiveBackEachOthersHolds() {
        assertThat(new Holder("gateway-0", "life-2").outlived(held(new Holder("gateway-1", "life-1")))).isFalse();
        assertThat(new Holder("gateway-1", "life-9").outlived(held(new Holder("gateway-0", "life-2")))).isFalse();
    }

    @Test
    void aHoldWithoutAHolderWaitsForItsExpiry() {
        assertThat(new Holder("gateway-0", "life-2").outlived(held(null))).isFalse();
    }

    @Test
    void aHolderNamesAnInstanceAndALife() {
        assertThatThrownBy(() -> new Holder(" ", "life")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Holder("gateway-0", "x".repeat(Holder.MAX_LIFE + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Reservation held(Holder holder) {
        return new Reservation("res_1", "org_1", List.of(), new BigDecimal("0.10"), NOW, NOW.plusSeconds(360), holder);
    }
}
