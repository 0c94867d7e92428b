package dev.atrium.guardrail.domain.content;

/** One redacted match: where it was in the scanned text, what it was and what replaced it. */
public record Redaction(String filter, int start, int end, String match, String replacement) {
}
