package dev.atrium.guardrail.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.content.FilterAction;
import dev.atrium.guardrail.domain.policy.DataCollection;
import dev.atrium.guardrail.domain.policy.DataPolicy;
import dev.atrium.guardrail.domain.policy.FieldChange;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.rate.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** How documents and diffs are stored: JSON text in the policy tables' own shape. */
@ApplicationScoped
class PolicyJson {

    private static final TypeReference<List<ChangeRow>> CHANGES = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    PolicyJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(PolicyDocument d) {
        DataPolicy p = d.dataPolicy();
        return json(new DocumentRow(d.allowedModels(), d.ignoredModels(), d.allowedProviders(), d.ignoredProviders(),
                p == null ? null : new DataPolicyRow(p.zdrRequired(),
                        p.dataCollection() == null ? null : p.dataCollection().wire(), p.allowTraining()),
                d.maxTokens(),
                d.budgets() == null ? null : d.budgets().stream()
                        .map(b -> new BudgetRow(b.window().wire(), b.limit(), b.includeByok())).toList(),
                d.rateLimits() == null ? null
                        : new RateRow(d.rateLimits().requestsPerMinute(), d.rateLimits().tokensPerMinute()),
                d.contentFilters() == null ? null : d.contentFilters().stream()
                        .map(f -> new FilterRow(f.builtin() == null ? null : f.builtin().wire(), f.pattern(),
                                f.action().wire(), f.label())).toList(),
                d.allowedDataRegions()));
    }

    PolicyDocument readDocument(String json) {
        DocumentRow r = read(json, mapper.constructType(DocumentRow.class));
        DataPolicyRow p = r.dataPolicy();
        return new PolicyDocument(r.allowedModels(), r.ignoredModels(), r.allowedProviders(), r.ignoredProviders(),
                p == null ? null : new DataPolicy(p.zdrRequired(), DataCollection.parse(p.dataCollection()),
                        p.allowTraining()),
                r.maxTokens(),
                r.budgets() == null ? null : r.budgets().stream()
                        .map(b -> new Budget(BudgetWindow.parse("budgets.window", b.window()), b.limit(),
                                b.includeByok())).toList(),
                r.rateLimits() == null ? null
                        : new RateLimits(r.rateLimits().requestsPerMinute(), r.rateLimits().tokensPerMinute()),
                r.contentFilters() == null ? null : r.contentFilters().stream()
                        .map(f -> ContentFilter.stored(f.builtin() == null ? null : Builtin.parse(f.builtin()),
                                f.pattern(), FilterAction.parse(f.action()), f.label())).toList(),
                r.allowedDataRegions());
    }

    String write(List<FieldChange> changes) {
        return json(changes.stream().map(c -> new ChangeRow(c.field(), c.oldValue(), c.newValue())).toList());
    }

    List<FieldChange> readChanges(String json) {
        List<ChangeRow> rows = read(json, mapper.getTypeFactory().constructType(CHANGES));
        return rows.stream().map(r -> new FieldChange(r.field(), r.oldValue(), r.newValue())).toList();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store a policy as JSON", e);
        }
    }

    private <T> T read(String json, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored policy is not readable JSON", e);
        }
    }

    record DocumentRow(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, DataPolicyRow dataPolicy, Integer maxTokens, List<BudgetRow> budgets,
            RateRow rateLimits, List<FilterRow> contentFilters, List<String> allowedDataRegions) {
    }

    record BudgetRow(String window, BigDecimal limit, boolean includeByok) {
    }

    record RateRow(Integer requestsPerMinute, Integer tokensPerMinute) {
    }

    record FilterRow(String builtin, String pattern, String action, String label) {
    }

    record DataPolicyRow(Boolean zdrRequired, String dataCollection, Boolean allowTraining) {
    }

    record ChangeRow(String field, Object oldValue, Object newValue) {
    }
}
