package dev.atrium.guardrail.api;

import java.util.List;

/**
 * The guardrail's verdict on an answer's text, from the same effective content filters as the
 * check. When {@code allowed} is false, {@code status} is 403 and {@code message} names the block
 * filter and the level whose policy holds it; when allowed (200), {@code redactions} are spans of
 * the given text to replace (in order, never overlapping) and {@code flags} the names of flag
 * filters that matched.
 */
public record ModerationResult(boolean allowed, int status, String message, List<Redaction> redactions,
        List<String> flags) {

    public static ModerationResult blocked(String message) {
        return new ModerationResult(false, 403, message, List.of(), List.of());
    }
}
