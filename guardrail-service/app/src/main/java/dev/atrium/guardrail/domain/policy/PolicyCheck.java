package dev.atrium.guardrail.domain.policy;

import java.util.List;
import java.util.Optional;

/**
 * Whether a request passes the effective policy. A denial names the limit and the level that set
 * it; a request passes when at least one of its models is allowed (routing drops the others).
 */
public final class PolicyCheck {

    private PolicyCheck() {
    }

    /** The reason to deny, or empty when the request passes. */
    public static Optional<String> denial(EffectivePolicy policy, List<String> models, Integer maxTokens) {
        List<Optional<String>> modelDenials = models.stream().map(m -> modelDenial(policy.levels(), m)).toList();
        if (!models.isEmpty() && modelDenials.stream().allMatch(Optional::isPresent)) {
            return Optional.of(String.join("; ", modelDenials.stream().map(Optional::get).toList()));
        }
        if (policy.allowedModels().allowsNothing()) {
            return Optional.of(nothingInCommon(policy, "model", PolicyDocument.ALLOWED_MODELS));
        }
        if (policy.allowedProviders().allowsNothing()) {
            return Optional.of(nothingInCommon(policy, "provider", PolicyDocument.ALLOWED_PROVIDERS));
        }
        if (policy.allowedDataRegions().allowsNothing()) {
            return Optional.of(nothingInCommon(policy, "data region", PolicyDocument.ALLOWED_DATA_REGIONS));
        }
        if (maxTokens != null && policy.maxTokens() != null && maxTokens > policy.maxTokens()) {
            return Optional.of("max_tokens " + maxTokens + " exceeds the "
                    + deciders(policy, PolicyDocument.MAX_TOKENS).get(0) + "'s limit of " + policy.maxTokens());
        }
        return Optional.empty();
    }

    /** The first level, from the ceiling down, that keeps this model out. */
    static Optional<String> modelDenial(List<LevelPolicy> levels, String model) {
        for (LevelPolicy level : levels) {
            PolicyDocument d = level.document();
            if (d.allowedModels() != null && !d.allowedModels().isEmpty()
                    && !Patterns.matchesAny(d.allowedModels(), model)) {
                return Optional.of("Model " + model + " is not allowed by the " + level.title()
                        + "'s allowed_models");
            }
            if (d.ignoredModels() != null && Patterns.matchesAny(d.ignoredModels(), model)) {
                return Optional.of("Model " + model + " is excluded by the " + level.title()
                        + "'s ignored_models");
            }
        }
        return Optional.empty();
    }

    private static String nothingInCommon(EffectivePolicy policy, String what, String field) {
        return "No " + what + " is allowed: the " + field + " of the "
                + String.join(" and the ", deciders(policy, field)) + " have nothing in common";
    }

    private static List<String> deciders(EffectivePolicy policy, String field) {
        return policy.deciderTitles(field);
    }
}
