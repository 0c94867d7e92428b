package dev.atrium.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ByokFeeTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void zeroPercentChargesNothing() {
        assertThat(ByokFee.NONE.on(new BigDecimal("0.0012345678"))).isEqualTo(new BigDecimal("0E-10"));
        assertThat(new ByokFee(new BigDecimal("0.000")).on(new BigDecimal("1000"))).isEqualByComparingTo("0");
    }

    @Test
    void fivePercentIsExact() {
        var fee = new ByokFee(new BigDecimal("5"));

        assertThat(fee.on(new BigDecimal("0.0012345678"))).isEqualTo(new BigDecimal("0.0000617284"));
        assertThat(fee.on(new BigDecimal("2"))).isEqualTo(new BigDecimal("0.1000000000"));
        assertThat(fee.on(new BigDecimal("0.0000000020"))).isEqualTo(new BigDecimal("0.0000000001"));
    }

    @Test
    void theProductIsRoundedOnceHalfEvenToTenDecimals() {
        var fee = new ByokFee(new BigDecimal("5"));

        // 0.0000000030 x 5% = 0.00000000015: a tie, to the even neighbour 0.0000000002
        assertThat(fee.on(new BigDecimal("0.0000000030"))).isEqualTo(new BigDecimal("0.0000000002"));
        // 0.0000000010 x 5% = 0.00000000005: a tie, to the even neighbour 0
        assertThat(fee.on(new BigDecimal("0.0000000010"))).isEqualTo(new BigDecimal("0E-10"));
        // 0.0000000070 x 5% = 0.00000000035: a tie, to 0.0000000004
        assertThat(fee.on(new BigDecimal("0.0000000070"))).isEqualTo(new BigDecimal("0.0000000004"));
        // a fractional percentage: 0.3333333333 x 2.5% = 0.0083333333325 -> 0.0083333333
        assertThat(new ByokFee(new BigDecimal("2.5")).on(new BigDecimal("0.3333333333")))
                .isEqualTo(new BigDecimal("0.0083333333"));
        // 1/3 percent, given exactly to 10 places, is not rounded before it is applied
        assertThat(new ByokFee(new BigDecimal("0.3333333333")).on(new BigDecimal("300")))
                .isEqualTo(new BigDecimal("0.9999999999"));
    }

    @Test
    void hundredPercentChargesTheWholeCost() {
        assertThat(new ByokFee(new BigDecimal("100")).on(new BigDecimal("0.0012345678")))
                .isEqualTo(new BigDecimal("0.0012345678"));
    }

    @Test
    void refusesPercentagesOutsideZeroToHundred() {
        assertThatThrownBy(() -> new ByokFee(new BigDecimal("-0.01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.01");
        assertThatThrownBy(() -> new ByokFee(new BigDecimal("100.0001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aByokGenerationIsChargedItsFeeUnderItsOwnKindAndAccount() {
        var generation = generation(true).withByokFee(new BigDecimal("0.0000617284"));

        assertThat(generation.charge()).isEqualTo(new BigDecimal("0.0000617284"));
        assertThat(generation.chargeKind()).isEqualTo(TransactionKind.BYOK_FEE);
        var tx = LedgerTransaction.charge("txn_1", generation, AT);
        assertThat(tx.kind()).isEqualTo(TransactionKind.BYOK_FEE);
        assertThat(tx.reference()).isEqualTo("gen-1");
        assertThat(tx.postings()).containsExactly(
                Posting.debit(AccountType.CREDITS, new BigDecimal("0.0000617284")),
                Posting.credit(AccountType.BYOK_FEES, new BigDecimal("0.0000617284")));
        assertThat(generation.cost()).as("the upstream cost stays on the generation")
                .isEqualTo(new BigDecimal("0.0012345678"));
    }

    @Test
    void aGenerationOnThePlatformsCredentialsIsChargedItsCostAsUsage() {
        var generation = generation(false);

        assertThat(generation.charge()).isEqualTo(new BigDecimal("0.0012345678"));
        assertThat(LedgerTransaction.charge("txn_1", generation, AT).postings()).containsExactly(
                Posting.debit(AccountType.CREDITS, new BigDecimal("0.0012345678")),
                Posting.credit(AccountType.USAGE_REVENUE, new BigDecimal("0.0012345678")));
    }

    @Test
    void onlyAByokGenerationCarriesAFee() {
        assertThatThrownBy(() -> generation(false).withByokFee(BigDecimal.ONE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(generation(true).withByokFee(BigDecimal.ZERO).charge()).isEqualByComparingTo("0");
    }

    private static Generation generation(boolean byok) {
        return new Generation("gen-1", "org_a", "ws_1", "key_1", null, "openai/gpt-4o-mini", "openai", 1200, 345,
                Money.of("0.0012345678"), byok, null, 800, "org:1", AT);
    }
}
