package dev.atrium.guardrail.domain;

import java.util.List;
import java.util.Optional;

/** What the content filters found in a text; {@code blockedBy} is the first block filter that matched. */
public record ScanResult(ContentFilter blockedBy, String redactedText, List<Redaction> redactions, List<String> flags) {

    public static ScanResult clean(String text) {
        return new ScanResult(null, text, List.of(), List.of());
    }

    /** The name of the filter that blocks the text. */
    public Optional<String> blocked() {
        return Optional.ofNullable(blockedBy).map(ContentFilter::name);
    }

    /**
     * Names the blocking filter and the highest level whose policy holds it, e.g. {@code Response
     * blocked by the workspace's content filter confidential.}
     *
     * @param subject what was scanned: {@code Request} for a check's input, {@code Response} for output
     */
    public String blockMessage(String subject, EffectivePolicy policy) {
        return subject + " blocked by the " + policy.levelOf(blockedBy).wire() + "'s content filter "
                + blockedBy.name() + ".";
    }
}
