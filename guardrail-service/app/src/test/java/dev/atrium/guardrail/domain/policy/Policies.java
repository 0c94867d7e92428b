package dev.atrium.guardrail.domain.policy;

import java.util.List;

/** Short ways to write the policy documents the tests need. */
final class Policies {

    private Policies() {
    }

    static PolicyDocument allowedModels(String... patterns) {
        return new PolicyDocument(List.of(patterns), null, null, null, null, null);
    }

    static PolicyDocument ignoredModels(String... patterns) {
        return new PolicyDocument(null, List.of(patterns), null, null, null, null);
    }

    static PolicyDocument allowedProviders(String... patterns) {
        return new PolicyDocument(null, null, List.of(patterns), null, null, null);
    }

    static PolicyDocument ignoredProviders(String... patterns) {
        return new PolicyDocument(null, null, null, List.of(patterns), null, null);
    }

    static PolicyDocument allowedDataRegions(String... regions) {
        return new PolicyDocument(null, null, null, null, null, null, null, null, null, List.of(regions));
    }

    static PolicyDocument dataPolicy(Boolean zdr, DataCollection collection, Boolean training) {
        return new PolicyDocument(null, null, null, null, new DataPolicy(zdr, collection, training), null);
    }

    static PolicyDocument maxTokens(int maxTokens) {
        return new PolicyDocument(null, null, null, null, null, maxTokens);
    }

    static EffectivePolicy merge(PolicyDocument organization, PolicyDocument workspace) {
        return PolicyMerge.merge(List.of(new LevelPolicy(Level.ORGANIZATION, organization, 3),
                new LevelPolicy(Level.WORKSPACE, workspace, 1)));
    }
}
