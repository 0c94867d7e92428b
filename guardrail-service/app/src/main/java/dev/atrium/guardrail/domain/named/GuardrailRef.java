package dev.atrium.guardrail.domain.named;

/** Which named guardrail a merged policy, a budget or a decision came from, as explain names it. */
public record GuardrailRef(String id, String name) {

    /** As a denial's sentence names it: {@code guardrail "Strict models"}. */
    public String title() {
        return "guardrail \"" + name + "\"";
    }

    /** As {@code decided_by} names it: {@code guardrail:<id>}. */
    public String wire() {
        return "guardrail:" + id;
    }
}
