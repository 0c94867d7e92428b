package dev.atrium.guardrail.domain.policy;

import dev.atrium.common.error.InvalidFieldException;
import java.util.Locale;

/** Whether providers that retain prompts or train on them may serve requests. */
public enum DataCollection {
    ALLOW, DENY;

    public static DataCollection parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "allow" -> ALLOW;
            case "deny" -> DENY;
            default -> throw new InvalidFieldException(PolicyDocument.DATA_COLLECTION,
                    "data_collection must be allow or deny");
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
