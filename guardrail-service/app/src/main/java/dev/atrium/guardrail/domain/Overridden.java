package dev.atrium.guardrail.domain;

/** A level asked for more than the levels above it allow: what it asked and what applies. */
public record Overridden(String field, Level level, Object requested, Object applied) {
}
