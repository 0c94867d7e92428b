package dev.atrium.routing.domain;

import java.util.List;

/** The wire protocol a provider speaks; the gateway appends the matching path to the base URL. */
public enum Protocol {
    OPENAI("openai", Capabilities.KNOWN_PARAMETERS),
    /**
     * The gateway translates these to Anthropic Messages (its {@code AnthropicTranslation}); Anthropic has
     * no {@code frequency_penalty}, {@code presence_penalty} or {@code seed}, so the gateway drops them.
     */
    ANTHROPIC("anthropic", List.of("max_tokens", "temperature", "top_p", "stop", "tools", "tool_choice",
            "response_format"));

    private final String wire;
    private final List<String> carried;

    Protocol(String wire, List<String> carried) {
        this.wire = wire;
        this.carried = carried;
    }

    public String wire() {
        return wire;
    }

    /** Whether the gateway carries this optional request parameter to a provider of this protocol. */
    public boolean carries(String parameter) {
        return carried.contains(parameter);
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
