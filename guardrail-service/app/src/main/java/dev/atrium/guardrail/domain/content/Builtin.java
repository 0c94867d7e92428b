package dev.atrium.guardrail.domain.content;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import java.util.Locale;

/** The detectors Atrium ships. */
public enum Builtin {
    EMAIL, PHONE, CREDIT_CARD, SSN, IP_ADDRESS, PROMPT_INJECTION, SECRETS;

    public static Builtin parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidFieldException(PolicyDocument.CONTENT_FILTERS,
                    "builtin must be email, phone, credit_card, ssn, ip_address, prompt_injection or secrets");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
