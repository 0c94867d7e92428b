package dev.atrium.guardrail.api;

/**
 * Replace {@code text[start, end)} of the checked request's text by {@code replacement}
 * ({@code [REDACTED:<filter>]}); offsets are UTF-16 indices, spans never overlap and come in order.
 */
public record Redaction(String filter, int start, int end, String replacement) {
}
