package dev.atrium.guardrail.api;

import java.util.List;

/**
 * The guardrail's answer. When {@code allowed} is false, {@code status} is the HTTP status the
 * gateway answers with (402 budget or credits, 403 policy or content filter, 429 rate, 503 prices
 * unknown) and {@code message} names the limit and the level that set it; a 429 carries
 * {@code retryAfterSeconds} for the {@code Retry-After} header. When allowed, {@code reservationId}
 * (null when no budget or credit applies) must travel into the usage record, or be released when
 * no provider was reached; {@code redactions} are spans of the request's {@code text} to replace,
 * {@code flags} the names of flag filters that matched. {@code keepable}: the verdict did not depend on
 * the request's text (no content filter is in force), and two such requests counted ahead and left
 * unused take at most 1% of every rate limit it was counted against; so the gateway may ask it ahead
 * of a later request of the same key, models and {@code max_tokens} with no more prompt tokens
 * (docs/adr/0008-admissions-ahead.md).
 */
public record CheckResult(
        boolean allowed,
        int status,
        String message,
        Constraints constraints,
        String reservationId,
        String policyRevision,
        Integer retryAfterSeconds,
        List<Redaction> redactions,
        List<String> flags,
        boolean keepable) {

    public CheckResult(boolean allowed, int status, String message, Constraints constraints, String reservationId,
            String policyRevision) {
        this(allowed, status, message, constraints, reservationId, policyRevision, null, List.of(), List.of());
    }

    public CheckResult(boolean allowed, int status, String message, Constraints constraints, String reservationId,
            String policyRevision, Integer retryAfterSeconds, List<Redaction> redactions, List<String> flags) {
        this(allowed, status, message, constraints, reservationId, policyRevision, retryAfterSeconds, redactions,
                flags, false);
    }

    public static CheckResult deny(int status, String message, String policyRevision) {
        return new CheckResult(false, status, message, null, null, policyRevision);
    }

    public static CheckResult rateLimited(String message, int retryAfterSeconds, String policyRevision) {
        return new CheckResult(false, 429, message, null, null, policyRevision, retryAfterSeconds, List.of(),
                List.of());
    }
}
