package dev.atrium.guardrail.api;

import java.util.List;

/** The effective policy's routing constraints. Empty allow-lists mean no restriction. */
public record Constraints(
        List<String> allowedModels,
        List<String> ignoredModels,
        List<String> allowedProviders,
        List<String> ignoredProviders,
        boolean zdrRequired,
        boolean denyDataCollection,
        Integer maxTokens) {
}
