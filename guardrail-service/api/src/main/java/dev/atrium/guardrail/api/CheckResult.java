package dev.atrium.guardrail.api;

/**
 * The guardrail's answer. When {@code allowed} is false, {@code status} is the HTTP status the
 * gateway answers with (402 budget or credits, 403 policy, 429 rate) and {@code message} names
 * the limit and the level that set it.
 */
public record CheckResult(
        boolean allowed,
        int status,
        String message,
        Constraints constraints,
        String reservationId,
        String policyRevision) {

    public static CheckResult deny(int status, String message, String policyRevision) {
        return new CheckResult(false, status, message, null, null, policyRevision);
    }
}
