package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What must always hold for an organization's books: each account's balance equals the sum of its
 * entries, every transaction is balanced, so all debits equal all credits.
 */
public record LedgerInvariants(String organizationId, List<AccountCheck> accounts, long unbalancedTransactions) {

    public LedgerInvariants {
        accounts = List.copyOf(accounts);
    }

    public BigDecimal debits() {
        return Money.of(accounts.stream().map(AccountCheck::debits).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public BigDecimal credits() {
        return Money.of(accounts.stream().map(AccountCheck::credits).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public boolean hold() {
        return unbalancedTransactions == 0 && debits().compareTo(credits()) == 0
                && accounts.stream().allMatch(AccountCheck::consistent);
    }
}
