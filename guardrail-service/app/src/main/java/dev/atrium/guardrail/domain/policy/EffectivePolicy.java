package dev.atrium.guardrail.domain.policy;

import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.routing.api.DataRegions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The strictest combination of the levels' policies, field by field, with the levels that decided
 * each field and the writes the levels above overrode. Nullable fields had no opinion anywhere.
 */
public record EffectivePolicy(
        List<LevelPolicy> levels,
        AllowList allowedModels,
        List<String> ignoredModels,
        AllowList allowedProviders,
        List<String> ignoredProviders,
        Boolean zdrRequired,
        DataCollection dataCollection,
        Boolean allowTraining,
        Integer maxTokens,
        Integer requestsPerMinute,
        Integer tokensPerMinute,
        List<ContentFilter> contentFilters,
        Map<String, List<Level>> decidedBy,
        List<Overridden> overridden,
        Map<String, List<LevelPolicy>> decisions,
        AllowList allowedDataRegions) {

    /** The data regions a request may reach: all of them unless a level restricts them, in their usual order. */
    public List<String> permittedDataRegions() {
        return DataRegions.ALL.stream().filter(allowedDataRegions::permits).toList();
    }

    /** The revision of a level's own policy (a named guardrail applied there has its own). */
    public long revision(Level level) {
        return levels.stream().filter(l -> l.level() == level && l.guardrail() == null)
                .mapToLong(LevelPolicy::revision).findFirst().orElse(0);
    }

    /** Who decided a field, as {@code decided_by} names them: levels and {@code guardrail:<id>}. */
    public List<String> deciders(String field) {
        return decisions.getOrDefault(field, List.of()).stream().map(LevelPolicy::wire).toList();
    }

    /** The same as a denial names them: {@code workspace}, {@code guardrail "Strict"}. */
    public List<String> deciderTitles(String field) {
        return decisions.getOrDefault(field, List.of()).stream().map(LevelPolicy::title).toList();
    }

    /**
     * The revisions in force, e.g. {@code org:3,ws:1}; member and key levels appear once written
     * ({@code org:3,ws:1,key:2}); a named guardrail applied appears as {@code gr.<first 8 of its id>:4}, short
     * enough that all seven fit where generations keep the string (billing: 100 characters).
     */
    public String policyRevision() {
        return levels.stream()
                .filter(l -> l.guardrail() != null || l.level() == Level.ORGANIZATION || l.level() == Level.WORKSPACE
                        || l.revision() > 0)
                .map(l -> (l.guardrail() == null ? l.level().shortName() : "gr." + shortId(l.guardrail().id()))
                        + ":" + l.revision())
                .collect(Collectors.joining(","));
    }

    private static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    /**
     * The highest level whose policy holds this content filter (filters unite, so the same filter
     * written at two levels is the ceiling's).
     */
    public Level levelOf(ContentFilter filter) {
        return holderOf(filter).level();
    }

    /** The same, as a denial names it: {@code workspace}, or {@code guardrail "Strict"}. */
    public String holderTitle(ContentFilter filter) {
        return holderOf(filter).title();
    }

    private LevelPolicy holderOf(ContentFilter filter) {
        return levels.stream().filter(l -> l.document().contentFilters() != null
                && l.document().contentFilters().contains(filter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No level holds filter " + filter.name()));
    }

    public boolean requiresZdr() {
        return Boolean.TRUE.equals(zdrRequired);
    }

    /**
     * Whether providers that retain or train on prompts are excluded. Routing knows one flag for
     * both, so a ban on training alone excludes retaining providers too: stricter, never looser.
     */
    public boolean deniesDataCollection() {
        return dataCollection == DataCollection.DENY || Boolean.FALSE.equals(allowTraining);
    }
}
