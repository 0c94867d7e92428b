package dev.atrium.routing.api;

/** What a provider does with prompts: zero data retention, retention, training. */
public record DataPolicy(boolean zdr, boolean retainsPrompts, boolean trainsOnData) {
}
