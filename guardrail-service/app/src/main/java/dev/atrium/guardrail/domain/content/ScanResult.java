package dev.atrium.guardrail.domain.content;

import dev.atrium.guardrail.domain.policy.EffectivePolicy;
import java.util.List;
import java.util.Optional;

/**
 * What the content filters found in a text; {@code blockedBy} is the first block filter that matched,
 * or the filter the scan could not finish ({@code unfinished} says why): a text not wholly scanned
 * is refused, never let through. A blocked text is refused whole, so its redactions and flags are not
 * worked out.
 */
public record ScanResult(ContentFilter blockedBy, String redactedText, List<Redaction> redactions, List<String> flags,
        String unfinished) {

    public static ScanResult clean(String text) {
        return new ScanResult(null, text, List.of(), List.of(), null);
    }

    static ScanResult blocked(ContentFilter filter) {
        return new ScanResult(filter, null, List.of(), List.of(), null);
    }

    /** The scan stopped at its bounds on {@code filter}: the text is refused. */
    static ScanResult unfinished(ContentFilter filter, String why) {
        return new ScanResult(filter, null, List.of(), List.of(), why);
    }

    /** The name of the filter that blocks the text. */
    public Optional<String> blocked() {
        return Optional.ofNullable(blockedBy).map(ContentFilter::name);
    }

    /**
     * Names the blocking filter and the highest level whose policy holds it, e.g. {@code Response
     * blocked by the workspace's content filter confidential.}, or {@code Request refused: the
     * workspace's content filter confidential could not finish scanning its 3000000 characters within 2000 ms.}
     *
     * @param subject what was scanned: {@code Request} for a check's input, {@code Response} for output
     */
    public String blockMessage(String subject, EffectivePolicy policy) {
        String filter = "the " + policy.holderTitle(blockedBy) + "'s content filter " + blockedBy.name();
        if (unfinished != null) {
            return subject + " refused: " + filter + " " + unfinished + ".";
        }
        return subject + " blocked by " + filter + ".";
    }
}
