package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What must always hold for an organization's books: each account's balance equals the sum of its
 * entries, every transaction is balanced, so all debits equal all credits, and every generation
 * whose charge is positive is debited exactly once, at its charge and under its kind (its cost as
 * {@code usage}, a BYOK generation's fee as {@code byok_fee}), one whose charge is 0 not at all, and
 * no such debit lacks its generation.
 */
public record LedgerInvariants(String organizationId, List<AccountCheck> accounts, long unbalancedTransactions,
        long generationsNotDebitedOnce) {

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
        return unbalancedTransactions == 0 && generationsNotDebitedOnce == 0 && debits().compareTo(credits()) == 0
                && accounts.stream().allMatch(AccountCheck::consistent);
    }

    /** What does not hold, for logs. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        accounts.stream().filter(a -> !a.consistent()).forEach(a -> out.append("account ").append(a.account().wire())
                .append(" balance ").append(a.balance().toPlainString()).append(" != entries ")
                .append(a.sumOfEntries().toPlainString()).append("; "));
        if (unbalancedTransactions > 0) {
            out.append(unbalancedTransactions).append(" unbalanced transactions; ");
        }
        if (debits().compareTo(credits()) != 0) {
            out.append("debits ").append(debits().toPlainString()).append(" != credits ")
                    .append(credits().toPlainString()).append("; ");
        }
        if (generationsNotDebitedOnce > 0) {
            out.append(generationsNotDebitedOnce).append(" generations not debited exactly once; ");
        }
        return out.toString().strip();
    }
}
