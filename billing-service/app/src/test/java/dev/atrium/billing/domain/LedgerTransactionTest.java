package dev.atrium.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTransactionTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void usageDebitsCreditsAndCreditsUsageRevenueByTheExactCost() {
        var tx = LedgerTransaction.usage("txn_1", "org_a", "gen-1", new BigDecimal("0.0000123457"), AT);

        assertThat(tx.postings()).containsExactly(
                Posting.debit(AccountType.CREDITS, new BigDecimal("0.0000123457")),
                Posting.credit(AccountType.USAGE_REVENUE, new BigDecimal("0.0000123457")));
        assertThat(tx.debits()).isEqualTo(tx.credits()).isEqualTo(new BigDecimal("0.0000123457"));
        assertThat(tx.effects()).containsEntry(AccountType.CREDITS, new BigDecimal("-0.0000123457"))
                .containsEntry(AccountType.USAGE_REVENUE, new BigDecimal("0.0000123457"));
    }

    @Test
    void topUpIsFundedFromOutsideAndGrantFromTheGrantsAccount() {
        var topUp = LedgerTransaction.credit("txn_1", credit(CreditKind.TOP_UP, "100"));
        var grant = LedgerTransaction.credit("txn_2", credit(CreditKind.GRANT, "5"));

        assertThat(topUp.kind()).isEqualTo(TransactionKind.TOP_UP);
        assertThat(topUp.effects()).containsEntry(AccountType.CREDITS, Money.of("100"))
                .containsEntry(AccountType.FUNDING, Money.of("100")).hasSize(2);
        assertThat(grant.kind()).isEqualTo(TransactionKind.GRANT);
        assertThat(grant.effects()).containsEntry(AccountType.CREDITS, Money.of("5"))
                .containsEntry(AccountType.GRANTS, Money.of("5")).hasSize(2);
        assertThat(grant.reference()).isEqualTo("cr_GRANT");
    }

    @Test
    void refusesUnbalancedPostings() {
        assertThatThrownBy(() -> new LedgerTransaction("txn_1", "org_a", TransactionKind.USAGE, "gen-1",
                List.of(Posting.debit(AccountType.CREDITS, new BigDecimal("1.0000000001")),
                        Posting.credit(AccountType.USAGE_REVENUE, new BigDecimal("1"))), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
    }

    @Test
    void refusesASinglePosting() {
        assertThatThrownBy(() -> new LedgerTransaction("txn_1", "org_a", TransactionKind.USAGE, "gen-1",
                List.of(Posting.debit(AccountType.CREDITS, BigDecimal.ONE)), AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesZeroNegativeAndTooPreciseAmounts() {
        assertThatThrownBy(() -> Posting.debit(AccountType.CREDITS, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> Posting.credit(AccountType.CREDITS, new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> Posting.credit(AccountType.CREDITS, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Posting.credit(AccountType.CREDITS, new BigDecimal("0.00000000001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 decimals");
        assertThatThrownBy(() -> LedgerTransaction.usage("txn_1", "org_a", "gen-1", BigDecimal.ZERO, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postingsKeepTheLedgerScaleWithoutLosingAnything() {
        var p = Posting.debit(AccountType.CREDITS, new BigDecimal("0.1"));
        assertThat(p.amount().scale()).isEqualTo(10);
        assertThat(p.amount()).isEqualTo(new BigDecimal("0.1000000000"));
        BigDecimal sum = Money.ZERO;
        for (int i = 0; i < 3; i++) {
            sum = sum.add(Posting.debit(AccountType.CREDITS, new BigDecimal("0.1")).amount());
        }
        assertThat(sum).isEqualByComparingTo("0.3");
    }

    @Test
    void moneyRoundsHalfEvenAtTenDecimals() {
        assertThat(Money.of("0.00000000005")).isEqualTo(new BigDecimal("0.0000000000"));
        assertThat(Money.of("0.00000000015")).isEqualTo(new BigDecimal("0.0000000002"));
        assertThat(Money.of("0.00000000025")).isEqualTo(new BigDecimal("0.0000000002"));
        assertThat(Money.isExact(new BigDecimal("1.12345678900000"))).isTrue();
        assertThat(Money.isExact(new BigDecimal("1.12345678901"))).isFalse();
    }

    @Test
    void accountsMoveOnTheirNormalSide() {
        assertThat(AccountType.CREDITS.effectOf(Direction.CREDIT, BigDecimal.TEN)).isEqualTo(BigDecimal.TEN);
        assertThat(AccountType.CREDITS.effectOf(Direction.DEBIT, BigDecimal.TEN)).isEqualTo(BigDecimal.TEN.negate());
        assertThat(AccountType.FUNDING.effectOf(Direction.DEBIT, BigDecimal.TEN)).isEqualTo(BigDecimal.TEN);
        assertThat(AccountType.USAGE_REVENUE.effectOf(Direction.CREDIT, BigDecimal.TEN)).isEqualTo(BigDecimal.TEN);
    }

    @Test
    void invariantsFailWhenABalanceDriftsFromItsEntries() {
        var fine = new AccountCheck(AccountType.CREDITS, Money.of("95"), Money.of("5"), Money.of("100"));
        var drifted = new AccountCheck(AccountType.FUNDING, Money.of("99"), Money.of("100"), Money.ZERO);
        var revenue = new AccountCheck(AccountType.USAGE_REVENUE, Money.of("5"), Money.ZERO, Money.of("5"));

        assertThat(fine.sumOfEntries()).isEqualTo(Money.of("95"));
        assertThat(new LedgerInvariants("org_a", List.of(fine, revenue,
                new AccountCheck(AccountType.FUNDING, Money.of("100"), Money.of("100"), Money.ZERO)), 0, 0).hold())
                .isTrue();
        assertThat(drifted.consistent()).isFalse();
        assertThat(new LedgerInvariants("org_a", List.of(fine, drifted, revenue), 0, 0).hold()).isFalse();
        assertThat(new LedgerInvariants("org_a", List.of(), 1, 0).hold()).isFalse();
        assertThat(new LedgerInvariants("org_a", List.of(fine, revenue), 0, 1).hold()).isFalse();
    }

    private static Credit credit(CreditKind kind, String amount) {
        return new Credit("cr_" + kind.name(), "org_a", Money.of(amount), kind, null, "admin", AT);
    }
}
