package dev.atrium.guardrail.domain.budget;

import dev.atrium.guardrail.domain.Money;
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

    /**
     * Names the request's own worst case, never the balance: any holder of any key reads this answer,
     * and the organization's balance is for its billing members (GET /credits), not for them.
     */
    public static String shortMessage(BigDecimal worstCase) {
        String need = worstCase == null ? "" : ": this request may cost up to " + ApplicableBudget.usd(worstCase);
        return "The organization's credits are too low for this request" + need
                + ". An organization admin can add credits.";
    }
}
