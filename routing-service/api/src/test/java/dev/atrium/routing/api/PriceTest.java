package dev.atrium.routing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

    @Test
    void perMillionPricesBecomeExactPerTokenPrices() {
        Price price = Price.perMillion(new BigDecimal("0.15"), new BigDecimal("0.60"));

        assertThat(price.prompt().toPlainString()).isEqualTo("0.00000015");
        assertThat(price.completion().toPlainString()).isEqualTo("0.0000006");
    }

    @Test
    void costIsTokensTimesPerTokenPricesAtScaleTen() {
        Price price = Price.perMillion(new BigDecimal("0.15"), new BigDecimal("0.60"));

        assertThat(price.cost(1_000, 500)).isEqualTo(new BigDecimal("0.0004500000"));
        assertThat(price.cost(1_000_000, 1_000_000)).isEqualTo(new BigDecimal("0.7500000000"));
    }

    @Test
    void costRoundsHalfEvenAtTheTenthDecimal() {
        Price price = new Price(new BigDecimal("0.00000000005"), BigDecimal.ZERO);

        assertThat(price.cost(1, 0)).isEqualTo(new BigDecimal("0.0000000000"));
        assertThat(price.cost(3, 0)).isEqualTo(new BigDecimal("0.0000000002"));
    }

    @Test
    void noTokensCostNothing() {
        assertThat(Price.perMillion(new BigDecimal("3"), new BigDecimal("15")).cost(0, 0))
                .isEqualTo(new BigDecimal("0.0000000000"));
    }

    @Test
    void negativeOrMissingPricesAreRejected() {
        assertThatThrownBy(() -> new Price(new BigDecimal("-0.1"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Price(BigDecimal.ONE, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
