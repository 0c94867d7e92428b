package dev.atrium.guardrail.domain;

import java.util.Locale;

/** When a key's spending limit starts again, as workspace-service sets it; UTC boundaries. */
public enum LimitReset {
    DAILY, WEEKLY, MONTHLY;

    public static LimitReset parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("limit_reset must be daily, weekly, monthly or null, not " + text);
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
