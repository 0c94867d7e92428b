package dev.atrium.guardrail.domain.policy;

import dev.atrium.guardrail.domain.named.GuardrailRef;

/**
 * The policy one level contributes to a merge: a level's own policy, or a named guardrail applied at
 * that level ({@code guardrail} set: a workspace's default, a member's or a key's).
 */
public record LevelPolicy(Level level, PolicyDocument document, long revision, GuardrailRef guardrail) {

    public LevelPolicy(Level level, PolicyDocument document, long revision) {
        this(level, document, revision, null);
    }

    public static LevelPolicy of(StoredPolicy stored) {
        return new LevelPolicy(stored.scope().level(), stored.document(), stored.revision());
    }

    /** As {@code decided_by} names it: {@code workspace}, or {@code guardrail:<id>}. */
    public String wire() {
        return guardrail == null ? level.wire() : guardrail.wire();
    }

    /** As a denial names it: {@code workspace}, or {@code guardrail "Strict models"}. */
    public String title() {
        return guardrail == null ? level.wire() : guardrail.title();
    }
}
