package dev.atrium.guardrail.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A level's rate limits, counted against that level's own scope (the whole organization, the workspace, ...). */
public record ApplicableRateLimit(PolicyScope scope, RateLimits limits) {

    /** The gateway keeps at most two requests counted ahead per key; together they take at most 1% of a limit. */
    private static final long AHEAD_SHARE = 200;

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

    /**
     * Whether two requests of {@code tokens} tokens, counted ahead and then left unused, take at most 1% of this
     * limit (docs/adr/0008-admissions-ahead.md).
     */
    public boolean roomToCountTwoAhead(long tokens) {
        Integer rpm = limits.requestsPerMinute();
        Integer tpm = limits.tokensPerMinute();
        return (rpm == null || rpm >= AHEAD_SHARE) && (tpm == null || tpm >= AHEAD_SHARE * tokens);
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
