package dev.atrium.guardrail.domain;

import java.util.List;
import java.util.Optional;

/** What the content filters found in a text. */
public record ScanResult(String blockedBy, String redactedText, List<Redaction> redactions, List<String> flags) {

    public static ScanResult clean(String text) {
        return new ScanResult(null, text, List.of(), List.of());
    }

    public Optional<String> blocked() {
        return Optional.ofNullable(blockedBy);
    }

    public String blockMessage() {
        return "Request blocked by content filter " + blockedBy + ".";
    }
}
