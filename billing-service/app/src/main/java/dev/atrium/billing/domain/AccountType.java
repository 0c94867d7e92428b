package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The accounts every organization has. {@code credits} is what the platform owes the organization
 * (a liability, credit-normal): top-ups and grants credit it, usage debits it. The other side of a
 * top-up is {@code funding} (money received, debit-normal), of a grant {@code grants} (what the
 * platform gives away, debit-normal), of usage {@code usage_revenue} (credit-normal), of a BYOK fee
 * {@code byok_fees} (credit-normal).
 */
public enum AccountType {
    CREDITS(Direction.CREDIT),
    USAGE_REVENUE(Direction.CREDIT),
    FUNDING(Direction.DEBIT),
    GRANTS(Direction.DEBIT),
    BYOK_FEES(Direction.CREDIT);

    private final Direction normalSide;

    AccountType(Direction normalSide) {
        this.normalSide = normalSide;
    }

    public Direction normalSide() {
        return normalSide;
    }

    /** How an entry moves this account's balance, which is kept on its normal side. */
    public BigDecimal effectOf(Direction direction, BigDecimal amount) {
        return direction == normalSide ? amount : amount.negate();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountType parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
