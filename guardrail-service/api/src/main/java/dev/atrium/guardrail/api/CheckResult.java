package dev.atrium.guardrail.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The guardrail's answer. When {@code allowed} is false, {@code status} is the HTTP status the
 * gateway answers with (402 budget or credits, 403 policy or content filter, 429 rate, 503 prices
 * unknown) and {@code message} names the limit and the level that set it; a 429 carries
 * {@code retryAfterSeconds} for the {@code Retry-After} header. When allowed, {@code reservationId}
 * (null when no budget or credit applies) must travel into the usage record, or be released when
 * no provider was reached; {@code redactions} are spans of the request's {@code text} to replace,
 * {@code flags} the names of flag filters that matched.
 *
 * <p>The money path's bound (docs/architecture.md, "The money path"): {@code completionTokens} is how many
 * completion tokens each choice may write within what was reserved (the request's {@code max_tokens}, else the
 * largest the requested models allow, else the configured default); the gateway sends it to the provider as
 * {@code max_tokens} when the request set none, and cuts a stream that writes past it. {@code reserved} is the
 * worst case held (null when nothing was held): no generation of this request is charged more.
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
        Integer completionTokens,
        BigDecimal reserved) {

    public CheckResult(boolean allowed, int status, String message, Constraints constraints, String reservationId,
            String policyRevision) {
        this(allowed, status, message, constraints, reservationId, policyRevision, null, List.of(), List.of());
    }

    public CheckResult(boolean allowed, int status, String message, Constraints constraints, String reservationId,
            String policyRevision, Integer retryAfterSeconds, List<Redaction> redactions, List<String> flags) {
        this(allowed, status, message, constraints, reservationId, policyRevision, retryAfterSeconds, redactions,
                flags, null, null);
    }

    public static CheckResult deny(int status, String message, String policyRevision) {
        return new CheckResult(false, status, message, null, null, policyRevision);
    }

    public static CheckResult rateLimited(String message, int retryAfterSeconds, String policyRevision) {
        return new CheckResult(false, 429, message, null, null, policyRevision, retryAfterSeconds, List.of(),
                List.of());
    }
}
