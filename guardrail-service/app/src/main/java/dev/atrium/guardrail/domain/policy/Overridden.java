package dev.atrium.guardrail.domain.policy;

/**
 * A level asked for more than the levels above it allow: what it asked and what applies.
 *
 * @param source the level's wire name, or {@code guardrail:<id>} for a named guardrail applied there
 */
public record Overridden(String field, Level level, Object requested, Object applied, String source) {

    public Overridden(String field, Level level, Object requested, Object applied) {
        this(field, level, requested, applied, level.wire());
    }

    static Overridden of(String field, LevelPolicy by, Object requested, Object applied) {
        return new Overridden(field, by.level(), requested, applied, by.wire());
    }
}
