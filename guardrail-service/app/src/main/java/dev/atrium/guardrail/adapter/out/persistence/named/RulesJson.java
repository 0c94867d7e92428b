package dev.atrium.guardrail.adapter.out.persistence.named;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.content.FilterAction;
import dev.atrium.guardrail.domain.named.BuiltinFilter;
import dev.atrium.guardrail.domain.named.GuardrailBudget;
import dev.atrium.guardrail.domain.named.GuardrailRules;
import dev.atrium.guardrail.domain.named.Zdr;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** How a guardrail's rules are stored: JSON text in the table's own shape, enum values by their wire names. */
@ApplicationScoped
class RulesJson {

    private final ObjectMapper mapper;

    RulesJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(GuardrailRules r) {
        Zdr z = r.zdr();
        GuardrailBudget b = r.budget();
        RulesRow row = new RulesRow(r.allowedModels(), r.ignoredModels(), r.allowedProviders(), r.ignoredProviders(),
                r.allowedDataRegions(), new ZdrRow(z.all(), z.anthropic(), z.openai(), z.google(), z.xai(), z.other()),
                r.enableFreeModelPublication(), r.enableFreeModelTraining(), r.enablePaidModelTraining(),
                r.contentFilters() == null ? null : r.contentFilters().stream()
                        .map(f -> new PatternRow(f.pattern(), f.action().wire(), f.label())).toList(),
                r.builtinFilters() == null ? null : r.builtinFilters().stream()
                        .map(f -> new BuiltinRow(f.builtin().wire(), f.action().wire(), f.label(), f.scanScope()))
                        .toList(),
                b.limitUsd(), b.resetInterval() == null ? null : b.resetInterval().wire(), b.includeByok());
        try {
            return mapper.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store a guardrail's rules as JSON", e);
        }
    }

    GuardrailRules read(String json) {
        RulesRow r;
        try {
            r = mapper.readValue(json, RulesRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored guardrail's rules are not readable JSON", e);
        }
        ZdrRow z = r.zdr();
        return new GuardrailRules(r.allowedModels(), r.ignoredModels(), r.allowedProviders(), r.ignoredProviders(),
                r.allowedDataRegions(), new Zdr(z.all(), z.anthropic(), z.openai(), z.google(), z.xai(), z.other()),
                r.freePublication(), r.freeTraining(), r.paidTraining(),
                r.patterns() == null ? null : r.patterns().stream()
                        .map(p -> new ContentFilter(null, p.pattern(), FilterAction.parse(p.action()), p.label()))
                        .toList(),
                r.builtins() == null ? null : r.builtins().stream()
                        .map(f -> new BuiltinFilter(Builtin.parse(f.builtin()), FilterAction.parse(f.action()),
                                f.label(), f.scanScope())).toList(),
                new GuardrailBudget(r.limitUsd(),
                        r.resetInterval() == null ? null : BudgetWindow.parse("reset_interval", r.resetInterval()),
                        r.includeByok()));
    }

    record RulesRow(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, List<String> allowedDataRegions, ZdrRow zdr, Boolean freePublication,
            Boolean freeTraining, Boolean paidTraining, List<PatternRow> patterns, List<BuiltinRow> builtins,
            BigDecimal limitUsd, String resetInterval, boolean includeByok) {
    }

    record ZdrRow(Boolean all, Boolean anthropic, Boolean openai, Boolean google, Boolean xai, Boolean other) {
    }

    record PatternRow(String pattern, String action, String label) {
    }

    record BuiltinRow(String builtin, String action, String label, String scanScope) {
    }
}
