package dev.atrium.guardrail.domain;

import java.math.BigDecimal;

/** An organization's credit balance as billing last reported it, and what requests in flight hold. */
public record CreditState(BigDecimal balance, BigDecimal reserved) {

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

    public String shortMessage(BigDecimal worstCase) {
        String need = worstCase == null ? "" : ": this request may cost up to " + ApplicableBudget.usd(worstCase);
        return "Organization credit balance of " + ApplicableBudget.usd(balance.max(Money.ZERO)) + " ("
                + ApplicableBudget.usd(available().max(Money.ZERO)) + " not held by requests in flight) is too low"
                + need + ".";
    }
}
