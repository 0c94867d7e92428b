package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of a ledger transaction: a positive amount on one side of one account. */
public record Posting(AccountType account, Direction direction, BigDecimal amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(direction, "direction");
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("a posting's amount must be positive");
        }
        if (!Money.isExact(amount)) {
            throw new IllegalArgumentException("a posting's amount must have at most " + Money.SCALE + " decimals");
        }
        amount = Money.of(amount);
    }

    public static Posting debit(AccountType account, BigDecimal amount) {
        return new Posting(account, Direction.DEBIT, amount);
    }

    public static Posting credit(AccountType account, BigDecimal amount) {
        return new Posting(account, Direction.CREDIT, amount);
    }

    /** How this posting moves its account's balance. */
    public BigDecimal effect() {
        return account.effectOf(direction, amount);
    }
}
