package dev.atrium.billing.domain;

import java.util.Locale;

/** How a usage report groups generations; {@code key} names the group's column in answers. */
public enum UsageGrouping {
    WORKSPACE("workspace_id"), KEY("key_id"), MODEL("model"), PROVIDER("provider"), DAY("day");

    private final String key;

    UsageGrouping(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown grouping */
    public static UsageGrouping parse(String wire) {
        for (UsageGrouping g : values()) {
            if (g.wire().equals(wire)) {
                return g;
            }
        }
        throw new IllegalArgumentException("group_by must be workspace, key, model, provider or day");
    }
}
