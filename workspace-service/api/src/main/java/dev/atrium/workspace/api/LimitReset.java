package dev.atrium.workspace.api;

import java.util.Locale;

/** When a key's spending limit starts again; UTC boundaries. Part of the key events, read by guardrail. */
public enum LimitReset {
    DAILY, WEEKLY, MONTHLY;

    public static LimitReset parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("limit_reset must be daily, weekly, monthly or null");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
