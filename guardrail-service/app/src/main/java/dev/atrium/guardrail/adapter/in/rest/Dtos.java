package dev.atrium.guardrail.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atrium.guardrail.domain.AllowList;
import dev.atrium.guardrail.domain.DataCollection;
import dev.atrium.guardrail.domain.EffectivePolicy;
import dev.atrium.guardrail.domain.FieldChange;
import dev.atrium.guardrail.domain.Level;
import dev.atrium.guardrail.domain.Overridden;
import dev.atrium.guardrail.domain.PolicyDocument;
import dev.atrium.guardrail.domain.PolicyRevision;
import dev.atrium.guardrail.domain.StoredPolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON the management API writes (snake_case by the shared settings). */
final class Dtos {

    /** Fields whose value merges several levels' lists; the others are decided by one level. */
    private static final Set<String> LIST_FIELDS = Set.of(PolicyDocument.ALLOWED_MODELS,
            PolicyDocument.IGNORED_MODELS, PolicyDocument.ALLOWED_PROVIDERS, PolicyDocument.IGNORED_PROVIDERS);

    private Dtos() {
    }

    /** A policy document; absent fields have no opinion. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Policy(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, DataPolicy dataPolicy, Integer maxTokens) {

        static Policy of(PolicyDocument d) {
            return new Policy(d.allowedModels(), d.ignoredModels(), d.allowedProviders(), d.ignoredProviders(),
                    DataPolicy.of(d.zdrRequired(), d.dataCollection(), d.allowTraining()), d.maxTokens());
        }

        /**
         * The effective policy: an absent allow-list means no restriction and an empty one means the
         * levels' allow-lists have nothing in common, so nothing is allowed.
         */
        static Policy of(EffectivePolicy p) {
            return new Policy(patterns(p.allowedModels()), p.ignoredModels(), patterns(p.allowedProviders()),
                    p.ignoredProviders(), DataPolicy.of(p.zdrRequired(), p.dataCollection(), p.allowTraining()),
                    p.maxTokens());
        }

        private static List<String> patterns(AllowList list) {
            return list.restricted() ? list.patterns() : null;
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
            @JsonInclude(JsonInclude.Include.NON_NULL) String workspaceId, Policy policy, long revision,
            Instant updatedAt, String updatedBy) {

        static PolicyView of(StoredPolicy p, String organizationId) {
            String workspaceId = p.scope().level() == Level.WORKSPACE ? p.scope().id() : null;
            return new PolicyView(p.scope().level().wire(), organizationId, workspaceId, Policy.of(p.document()),
                    p.revision(), p.updatedAt(), p.updatedBy());
        }
    }

    record EffectiveView(String workspaceId, String keyId, Policy policy, Map<String, Object> decidedBy,
            List<Object> budgets, Map<String, Long> revisions, String policyRevision,
            List<OverriddenView> overridden) {

        static EffectiveView of(String workspaceId, String keyId, EffectivePolicy p) {
            Map<String, Object> decidedBy = new LinkedHashMap<>();
            p.decidedBy().forEach((field, levels) -> {
                List<String> names = levels.stream().map(Level::wire).toList();
                decidedBy.put(field, LIST_FIELDS.contains(field) ? names : names.get(0));
            });
            Map<String, Long> revisions = new LinkedHashMap<>();
            p.levels().forEach(l -> revisions.put(l.level().wire(), l.revision()));
            return new EffectiveView(workspaceId, keyId, Policy.of(p), decidedBy, List.of(), revisions,
                    p.policyRevision(), p.overridden().stream().map(OverriddenView::of).toList());
        }
    }

    record OverriddenView(String field, String level, Object requested, Object applied) {

        static OverriddenView of(Overridden o) {
            return new OverriddenView(o.field(), o.level().wire(), o.requested(), o.applied());
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
