package dev.atrium.guardrail.domain;

import java.math.BigDecimal;

/** An organization's credit balance as billing last reported it, and what requests in flight hold. */
public record CreditState(BigDecimal balance, BigDecimal reserved) {

    /** Credits fail closed: an organization whose balance is not known has none. */
    public static final CreditState NONE = new CreditState(Money.ZERO, Money.ZERO);

    public CreditState {
        balance = Money.of(balance);
        reserved = Money.of(reserved);
    }

    public BigDecimal available() {
        return balance.subtract(reserved);
    }

    /** Denied when balance - reserved < worst case; an unknown worst case still needs a positive remainder. */
    public boolean shortFor(BigDecimal worstCase) {
        return worstCase == null ? available().signum() <= 0 : available().compareTo(worstCase) < 0;
    }

    /** Names what the request may cost, never the balance: a key's holder need not learn the organization's credit. */
    public static String shortMessage(BigDecimal worstCase) {
        return worstCase == null ? "Insufficient credits."
                : "Insufficient credits: this request may cost up to " + ApplicableBudget.usd(worstCase) + ".";
    }
}
