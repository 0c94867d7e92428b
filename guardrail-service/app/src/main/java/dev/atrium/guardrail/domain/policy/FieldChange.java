package dev.atrium.guardrail.domain.policy;

/** One field of a revision: its value before and after (null when absent). */
public record FieldChange(String field, Object oldValue, Object newValue) {
}
