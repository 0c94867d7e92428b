package dev.atrium.guardrail.domain.policy;

import java.util.Locale;

/** Where a policy is written, from the ceiling down; a lower level can only narrow what is above. */
public enum Level {
    ORGANIZATION("org"), WORKSPACE("ws"), MEMBER("member"), KEY("key");

    private final String shortName;

    Level(String shortName) {
        this.shortName = shortName;
    }

    /** As the API writes it: {@code organization}, {@code workspace}, {@code member}, {@code key}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As {@code policy_revision} writes it: {@code org:3,ws:1}. */
    public String shortName() {
        return shortName;
    }

    /** As a sentence starts with it: {@code Workspace}. */
    public String title() {
        String wire = wire();
        return Character.toUpperCase(wire.charAt(0)) + wire.substring(1);
    }
}
