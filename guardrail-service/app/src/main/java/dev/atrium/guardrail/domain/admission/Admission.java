package dev.atrium.guardrail.domain.admission;

import dev.atrium.guardrail.domain.Money;
import dev.atrium.guardrail.domain.budget.ApplicableBudget;
import dev.atrium.guardrail.domain.budget.CounterState;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.budget.SpendCounter;
import dev.atrium.guardrail.domain.rate.ApplicableRateLimit;
import dev.atrium.guardrail.domain.rate.RateCounter;
import dev.atrium.guardrail.domain.rate.RateState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a request fits every rate limit (429), every budget (402) and the organization's credits
 * (402), given the counters as they stand (under lock, or read as they are for a dry run). Budgets never merge: each is compared with
 * its own counter.
 */
public final class Admission {

    private Admission() {
    }

    public static Optional<Denial> evaluate(Request request, Map<RateCounter, RateState> rates,
            Map<SpendCounter, CounterState> counters, CreditState credit) {
        for (ApplicableRateLimit limit : request.rateLimits()) {
            RateState state = rates.getOrDefault(RateCounter.of(limit.scope(), request.at()), RateState.EMPTY);
            Optional<String> denial = limit.denial(state, request.tokens());
            if (denial.isPresent()) {
                return Optional.of(new Denial(429, denial.get(),
                        RateCounter.retryAfterSeconds(request.at(), state.oldest())));
            }
        }
        for (ApplicableBudget budget : request.budgets()) {
            CounterState state = counters.getOrDefault(budget.counter(request.at()), CounterState.EMPTY);
            if (budget.exceededBy(state, request.worstCaseOrZero())) {
                return Optional.of(Denial.budget(budget.exceededMessage()));
            }
        }
        if (credit != null && credit.shortFor(request.worstCase())) {
            return Optional.of(Denial.budget(CreditState.shortMessage(request.worstCase())));
        }
        return Optional.empty();
    }

    /**
     * What a request asks for. {@code worstCase} is null when no price is known: then budgets
     * cannot be checked (the caller refuses first) and credits only need a positive remainder.
     */
    public record Request(Instant at, List<ApplicableRateLimit> rateLimits, long tokens,
            List<ApplicableBudget> budgets, BigDecimal worstCase) {

        public Request {
            rateLimits = List.copyOf(rateLimits);
            budgets = List.copyOf(budgets);
        }

        public BigDecimal worstCaseOrZero() {
            return worstCase == null ? Money.ZERO : worstCase;
        }
    }
}
