package dev.atrium.billing.domain;

import java.math.BigDecimal;

/** An account's materialized balance beside the totals of its entries. */
public record AccountCheck(AccountType account, BigDecimal balance, BigDecimal debits, BigDecimal credits) {

    /** The balance its entries add up to, on the account's normal side. */
    public BigDecimal sumOfEntries() {
        return Money.of(account.effectOf(Direction.DEBIT, debits).add(account.effectOf(Direction.CREDIT, credits)));
    }

    public boolean consistent() {
        return balance.compareTo(sumOfEntries()) == 0;
    }
}
