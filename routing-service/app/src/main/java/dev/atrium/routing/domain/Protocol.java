package dev.atrium.routing.domain;

/** The wire protocol a provider speaks; the gateway appends the matching path to the base URL. */
public enum Protocol {
    OPENAI("openai"),
    ANTHROPIC("anthropic");

    private final String wire;

    Protocol(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Protocol parse(String value) {
        for (Protocol p : values()) {
            if (p.wire.equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("protocol must be openai or anthropic, not " + value);
    }
}
