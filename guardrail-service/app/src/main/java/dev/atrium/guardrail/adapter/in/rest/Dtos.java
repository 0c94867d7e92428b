package dev.atrium.guardrail.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atrium.guardrail.application.port.in.ViewEffectivePolicyQuery;
import dev.atrium.guardrail.domain.budget.ApplicableBudget;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.budget.BudgetStatus;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.policy.AllowList;
import dev.atrium.guardrail.domain.policy.DataCollection;
import dev.atrium.guardrail.domain.policy.EffectivePolicy;
import dev.atrium.guardrail.domain.policy.FieldChange;
import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.policy.LevelPolicy;
import dev.atrium.guardrail.domain.policy.Overridden;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyRevision;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON the management API writes (snake_case by the shared settings). */
final class Dtos {

    /** Fields whose value merges several levels' lists; the others are decided by one level. */
    private static final Set<String> LIST_FIELDS = Set.of(PolicyDocument.ALLOWED_MODELS,
            PolicyDocument.IGNORED_MODELS, PolicyDocument.ALLOWED_PROVIDERS, PolicyDocument.IGNORED_PROVIDERS,
            PolicyDocument.CONTENT_FILTERS, PolicyDocument.ALLOWED_DATA_REGIONS);

    private Dtos() {
    }

    /** A policy document; absent fields have no opinion. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Policy(List<BudgetView> budgets, RateLimitsView rateLimits, List<String> allowedModels,
            List<String> ignoredModels, List<String> allowedProviders, List<String> ignoredProviders,
            DataPolicy dataPolicy, Integer maxTokens, List<FilterView> contentFilters,
            List<String> allowedDataRegions) {

        static Policy of(PolicyDocument d) {
            return new Policy(d.budgets() == null ? null : d.budgets().stream().map(BudgetView::of).toList(),
                    RateLimitsView.of(d.requestsPerMinute(), d.tokensPerMinute()), d.allowedModels(),
                    d.ignoredModels(), d.allowedProviders(), d.ignoredProviders(),
                    DataPolicy.of(d.zdrRequired(), d.dataCollection(), d.allowTraining()), d.maxTokens(),
                    filters(d.contentFilters()), d.allowedDataRegions());
        }

        private static List<FilterView> filters(List<ContentFilter> filters) {
            return filters == null || filters.isEmpty() ? null : filters.stream().map(FilterView::of).toList();
        }

        /**
         * The effective policy: an absent allow-list means no restriction and an empty one means the
         * levels' allow-lists have nothing in common, so nothing is allowed.
         */
        static Policy of(EffectivePolicy p) {
            return new Policy(null, RateLimitsView.of(p.requestsPerMinute(), p.tokensPerMinute()),
                    patterns(p.allowedModels()), p.ignoredModels(), patterns(p.allowedProviders()),
                    p.ignoredProviders(), DataPolicy.of(p.zdrRequired(), p.dataCollection(), p.allowTraining()),
                    p.maxTokens(), filters(p.contentFilters()), patterns(p.allowedDataRegions()));
        }

        private static List<String> patterns(AllowList list) {
            return list.restricted() ? list.patterns() : null;
        }
    }

    record BudgetView(String window, BigDecimal limit, boolean includeByok) {

        static BudgetView of(Budget b) {
            return new BudgetView(b.window().wire(), b.limit(), b.includeByok());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RateLimitsView(Integer requestsPerMinute, Integer tokensPerMinute) {

        static RateLimitsView of(Integer rpm, Integer tpm) {
            return rpm == null && tpm == null ? null : new RateLimitsView(rpm, tpm);
        }
    }

    /** {@code error} only on a stored filter the scan cannot run: it refuses what it would scan until saved again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FilterView(String builtin, String pattern, String action, String label, String error) {

        static FilterView of(ContentFilter f) {
            return new FilterView(f.builtin() == null ? null : f.builtin().wire(), f.pattern(), f.action().wire(),
                    f.label(), f.unrunnable());
        }
    }

    /** A budget that applies, with its own spend; {@code resets_at} is null for a lifetime budget. */
    /** {@code source}: {@code policy}, {@code key_limit}, or {@code guardrail} (a named guardrail's limit_usd). */
    record BudgetStatusView(String level, String window, BigDecimal limit, BigDecimal spent, BigDecimal reserved,
            Instant resetsAt, boolean includeByok, String source,
            @JsonInclude(JsonInclude.Include.NON_NULL) String guardrailId) {

        static BudgetStatusView of(BudgetStatus s) {
            ApplicableBudget b = s.budget();
            String source = b.guardrail() != null ? "guardrail" : b.keyLimit() ? "key_limit" : "policy";
            return new BudgetStatusView(b.scope().level().wire(), b.budget().window().wire(), b.budget().limit(),
                    s.spent(), s.reserved(), s.resetsAt(), b.budget().includeByok(), source,
                    b.guardrail() == null ? null : b.guardrail().id());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DataPolicy(Boolean zdrRequired, String dataCollection, Boolean allowTraining) {

        static DataPolicy of(Boolean zdr, DataCollection collection, Boolean training) {
            if (zdr == null && collection == null && training == null) {
                return null;
            }
            return new DataPolicy(zdr, collection == null ? null : collection.wire(), training);
        }
    }

    record PolicyView(String level, String organizationId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String workspaceId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String userId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String keyId, Policy policy, long revision,
            Instant updatedAt, String updatedBy) {

        static PolicyView of(StoredPolicy p, String organizationId) {
            String workspaceId = p.scope().level() == Level.WORKSPACE ? p.scope().id() : null;
            return new PolicyView(p.scope().level().wire(), organizationId, workspaceId, null, null,
                    Policy.of(p.document()), p.revision(), p.updatedAt(), p.updatedBy());
        }

        static PolicyView ofMember(StoredPolicy p, String organizationId, String workspaceId, String userId) {
            return new PolicyView(p.scope().level().wire(), organizationId, workspaceId, userId, null,
                    Policy.of(p.document()), p.revision(), p.updatedAt(), p.updatedBy());
        }

        static PolicyView ofKey(StoredPolicy p, String organizationId, String workspaceId) {
            return new PolicyView(p.scope().level().wire(), organizationId, workspaceId, null, p.scope().id(),
                    Policy.of(p.document()), p.revision(), p.updatedAt(), p.updatedBy());
        }
    }

    /**
     * {@code decided_by} names levels and named guardrails ({@code guardrail:<id>}); {@code guardrails} lists
     * the named guardrails applied, ceiling first, with the level they apply at.
     */
    record EffectiveView(String workspaceId, String keyId, Policy policy, Map<String, Object> decidedBy,
            List<BudgetStatusView> budgets, Map<String, Long> revisions, String policyRevision,
            List<OverriddenView> overridden, List<AppliedGuardrailView> guardrails) {

        static EffectiveView of(String workspaceId, String keyId, ViewEffectivePolicyQuery.EffectiveView view) {
            EffectivePolicy p = view.policy();
            Map<String, Object> decidedBy = new LinkedHashMap<>();
            p.decisions().keySet().forEach(field -> {
                List<String> names = p.deciders(field);
                decidedBy.put(field, LIST_FIELDS.contains(field) ? names : names.get(0));
            });
            Map<String, Long> revisions = new LinkedHashMap<>();
            p.levels().stream().filter(l -> l.guardrail() == null)
                    .forEach(l -> revisions.put(l.level().wire(), l.revision()));
            return new EffectiveView(workspaceId, keyId, Policy.of(p), decidedBy,
                    view.budgets().stream().map(BudgetStatusView::of).toList(), revisions,
                    p.policyRevision(), p.overridden().stream().map(OverriddenView::of).toList(),
                    p.levels().stream().filter(l -> l.guardrail() != null).map(AppliedGuardrailView::of).toList());
        }
    }

    /** A named guardrail in force: {@code applied_at} workspace (the default), member or key. */
    record AppliedGuardrailView(String id, String name, String appliedAt, long revision) {

        static AppliedGuardrailView of(LevelPolicy l) {
            return new AppliedGuardrailView(l.guardrail().id(), l.guardrail().name(), l.level().wire(),
                    l.revision());
        }
    }

    /** {@code level}: the level, or {@code guardrail:<id>} for a named guardrail's request. */
    record OverriddenView(String field, String level, Object requested, Object applied) {

        static OverriddenView of(Overridden o) {
            return new OverriddenView(o.field(), o.source(), o.requested(), o.applied());
        }
    }

    record RevisionView(String level, String scopeId, long revision, Policy policy, List<ChangeView> changes,
            Instant createdAt, String createdBy) {

        static RevisionView of(PolicyRevision r) {
            return new RevisionView(r.scope().level().wire(), r.scope().id(), r.number(), Policy.of(r.document()),
                    r.changes().stream().map(ChangeView::of).toList(), r.createdAt(), r.createdBy());
        }
    }

    record ChangeView(String field, @JsonProperty("old") Object oldValue, @JsonProperty("new") Object newValue) {

        static ChangeView of(FieldChange c) {
            return new ChangeView(c.field(), c.oldValue(), c.newValue());
        }
    }

    record RevisionList(List<RevisionView> data, String nextCursor) {
    }
}
