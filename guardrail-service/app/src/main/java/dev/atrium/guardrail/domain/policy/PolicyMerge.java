package dev.atrium.guardrail.domain.policy;

import dev.atrium.guardrail.domain.budget.ApplicableBudget;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.rate.RateLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Combines the levels' policies (ceiling first) by taking the strictest value field by field:
 * allow-lists intersect, deny-lists unite, ZDR required, data collection denied or training
 * forbidden at any level holds, the lowest max_tokens and rate limits win, content filters unite.
 * Budgets never merge: each is checked on its own (see {@link ApplicableBudget}). A named guardrail
 * takes part as one more level, right below the level it is applied at, so the ceiling still wins.
 */
public final class PolicyMerge {

    private final List<LevelPolicy> levels;
    private final Map<String, List<LevelPolicy>> decidedBy = new LinkedHashMap<>();
    private final List<Overridden> overridden = new ArrayList<>();

    private PolicyMerge(List<LevelPolicy> levels) {
        this.levels = List.copyOf(levels);
    }

    public static EffectivePolicy merge(List<LevelPolicy> levels) {
        PolicyMerge m = new PolicyMerge(levels);
        AllowList models = m.allowList(PolicyDocument.ALLOWED_MODELS, PolicyDocument::allowedModels);
        List<String> ignoredModels = m.denyList(PolicyDocument.IGNORED_MODELS, PolicyDocument::ignoredModels);
        AllowList providers = m.allowList(PolicyDocument.ALLOWED_PROVIDERS, PolicyDocument::allowedProviders);
        List<String> ignoredProviders = m.denyList(PolicyDocument.IGNORED_PROVIDERS,
                PolicyDocument::ignoredProviders);
        AllowList regions = m.allowList(PolicyDocument.ALLOWED_DATA_REGIONS, PolicyDocument::allowedDataRegions);
        Boolean zdr = m.strictest(PolicyDocument.ZDR_REQUIRED, PolicyDocument::zdrRequired, Boolean.TRUE,
                b -> b);
        DataCollection collection = m.strictest(PolicyDocument.DATA_COLLECTION, PolicyDocument::dataCollection,
                DataCollection.DENY, DataCollection::wire);
        Boolean training = m.strictest(PolicyDocument.ALLOW_TRAINING, PolicyDocument::allowTraining, Boolean.FALSE,
                b -> b);
        Integer maxTokens = m.lowest(PolicyDocument.MAX_TOKENS, PolicyDocument::maxTokens);
        Integer rpm = m.lowest(RateLimits.REQUESTS_PER_MINUTE, PolicyDocument::requestsPerMinute);
        Integer tpm = m.lowest(RateLimits.TOKENS_PER_MINUTE, PolicyDocument::tokensPerMinute);
        List<ContentFilter> filters = m.filters();
        Map<String, List<LevelPolicy>> decisions = m.decisions();
        return new EffectivePolicy(m.levels, models, ignoredModels, providers, ignoredProviders, zdr, collection,
                training, maxTokens, rpm, tpm, filters, levelsOf(decisions), List.copyOf(m.overridden), decisions,
                regions);
    }

    /** Filters unite: every level's filters apply, each once. */
    private List<ContentFilter> filters() {
        LinkedHashSet<ContentFilter> union = new LinkedHashSet<>();
        for (LevelPolicy level : levels) {
            List<ContentFilter> written = level.document().contentFilters();
            if (written != null && !written.isEmpty()) {
                union.addAll(written);
                decide(PolicyDocument.CONTENT_FILTERS, level);
            }
        }
        return List.copyOf(union);
    }

    private Map<String, List<LevelPolicy>> decisions() {
        Map<String, List<LevelPolicy>> copy = new LinkedHashMap<>();
        decidedBy.forEach((field, deciders) -> copy.put(field, List.copyOf(deciders)));
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, List<Level>> levelsOf(Map<String, List<LevelPolicy>> decisions) {
        Map<String, List<Level>> levels = new LinkedHashMap<>();
        decisions.forEach((field, deciders) -> levels.put(field, deciders.stream().map(LevelPolicy::level).toList()));
        return Collections.unmodifiableMap(levels);
    }

    private AllowList allowList(String field, Function<PolicyDocument, List<String>> written) {
        AllowList effective = AllowList.UNRESTRICTED;
        List<AllowList> above = new ArrayList<>();
        for (LevelPolicy level : levels) {
            above.add(effective);
            effective = effective.narrow(written.apply(level.document()));
        }
        for (int i = 0; i < levels.size(); i++) {
            List<String> asked = written.apply(levels.get(i).document());
            if (asked == null || asked.isEmpty()) {
                continue;
            }
            decide(field, levels.get(i));
            AllowList ceiling = above.get(i);
            if (ceiling.restricted() && !sameSet(ceiling.narrow(asked).patterns(), Patterns.simplify(asked))) {
                overridden.add(Overridden.of(field, levels.get(i), asked, effective.patterns()));
            }
        }
        return effective;
    }

    private List<String> denyList(String field, Function<PolicyDocument, List<String>> written) {
        LinkedHashSet<String> union = new LinkedHashSet<>();
        for (LevelPolicy level : levels) {
            List<String> denied = written.apply(level.document());
            if (denied != null && !denied.isEmpty()) {
                union.addAll(denied);
                decide(field, level);
            }
        }
        return List.copyOf(union);
    }

    /** The strict value if any level states it, else the other value if any level states one. */
    private <T> T strictest(String field, Function<PolicyDocument, T> written, T strict, Function<? super T, ?> wire) {
        T effective = null;
        LevelPolicy decider = null;
        for (LevelPolicy level : levels) {
            T value = written.apply(level.document());
            if (value != null && (effective == null || (value.equals(strict) && !effective.equals(strict)))) {
                effective = value;
                decider = level;
            }
        }
        if (decider == null) {
            return null;
        }
        decide(field, decider);
        boolean strictAbove = false;
        for (LevelPolicy level : levels) {
            T value = written.apply(level.document());
            if (value != null && !value.equals(strict) && strictAbove) {
                overridden.add(Overridden.of(field, level, wire.apply(value), wire.apply(strict)));
            }
            strictAbove |= strict.equals(value);
        }
        return effective;
    }

    private Integer lowest(String field, Function<PolicyDocument, Integer> written) {
        Integer effective = null;
        LevelPolicy decider = null;
        for (LevelPolicy level : levels) {
            Integer value = written.apply(level.document());
            if (value != null && (effective == null || value < effective)) {
                effective = value;
                decider = level;
            }
        }
        if (decider == null) {
            return null;
        }
        decide(field, decider);
        Integer lowestAbove = null;
        for (LevelPolicy level : levels) {
            Integer value = written.apply(level.document());
            if (value != null && lowestAbove != null && value > lowestAbove) {
                overridden.add(Overridden.of(field, level, value, effective));
            }
            if (value != null && (lowestAbove == null || value < lowestAbove)) {
                lowestAbove = value;
            }
        }
        return effective;
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    private void decide(String field, LevelPolicy level) {
        decidedBy.computeIfAbsent(field, f -> new ArrayList<>()).add(Objects.requireNonNull(level));
    }
}
