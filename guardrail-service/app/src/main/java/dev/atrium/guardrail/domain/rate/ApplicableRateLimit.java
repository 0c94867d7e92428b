package dev.atrium.guardrail.domain.rate;

import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A level's rate limits, counted against that level's own scope (the whole organization, the workspace, ...). */
public record ApplicableRateLimit(PolicyScope scope, RateLimits limits) {

    /** The reason to refuse one more request of {@code tokens} tokens, or empty when it fits. */
    public Optional<String> denial(RateState state, long tokens) {
        Integer rpm = limits.requestsPerMinute();
        if (rpm != null && state.requests() + 1 > rpm) {
            return Optional.of(scope.level().title() + " rate limit of " + rpm + " requests per minute exceeded.");
        }
        Integer tpm = limits.tokensPerMinute();
        if (tpm != null && state.tokens() + tokens > tpm) {
            return Optional.of(scope.level().title() + " rate limit of " + tpm + " tokens per minute exceeded.");
        }
        return Optional.empty();
    }

    public static List<ApplicableRateLimit> of(List<StoredPolicy> levels) {
        List<ApplicableRateLimit> all = new ArrayList<>();
        for (StoredPolicy level : levels) {
            RateLimits limits = level.document().rateLimits();
            if (limits != null && (limits.requestsPerMinute() != null || limits.tokensPerMinute() != null)) {
                all.add(new ApplicableRateLimit(level.scope(), limits));
            }
        }
        return List.copyOf(all);
    }
}
