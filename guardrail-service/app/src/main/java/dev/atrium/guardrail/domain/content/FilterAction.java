package dev.atrium.guardrail.domain.content;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import java.util.Locale;

/** What a content filter does with a match; block beats redact beats flag. */
public enum FilterAction {
    FLAG, REDACT, BLOCK;

    public static FilterAction parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS, "action must be block, redact or flag");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
