package dev.atrium.guardrail.domain;

/** The policy one level contributes to a merge. */
public record LevelPolicy(Level level, PolicyDocument document, long revision) {

    public static LevelPolicy of(StoredPolicy stored) {
        return new LevelPolicy(stored.scope().level(), stored.document(), stored.revision());
    }
}
