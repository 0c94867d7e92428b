package dev.atrium.guardrail.adapter.in.rest.named;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atrium.guardrail.application.named.NamedGuardrailRepository.Page;
import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.named.GuardrailRules;
import dev.atrium.guardrail.domain.named.KeyAssignment;
import dev.atrium.guardrail.domain.named.MemberAssignment;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.named.Zdr;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** OpenRouter's guardrail shapes, snake_case by the shared settings; every field present, null where unset. */
final class GuardrailDtos {

    private static final Map<Builtin, String> SLUG_OF = GuardrailBody.SLUGS.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    private GuardrailDtos() {
    }

    record Guardrail(String id, String name, String description, String workspaceId, BigDecimal limitUsd,
            String resetInterval, boolean includeByokInBudgets, List<String> allowedModels,
            List<String> ignoredModels, List<String> allowedProviders, List<String> ignoredProviders,
            List<String> allowedDataRegions, Boolean enforceZdr, Boolean enforceZdrAnthropic,
            Boolean enforceZdrOpenai, Boolean enforceZdrGoogle, Boolean enforceZdrXai, Boolean enforceZdrOther,
            Boolean enableFreeModelPublication, Boolean enableFreeModelTraining, Boolean enablePaidModelTraining,
            List<ContentFilterEntry> contentFilters, List<ContentFilterBuiltinEntry> contentFilterBuiltins,
            Instant createdAt, Instant updatedAt) {

        static Guardrail of(NamedGuardrail g) {
            GuardrailRules r = g.rules();
            Zdr z = r.zdr();
            return new Guardrail(g.id(), g.name(), g.description(), g.workspaceId(), r.budget().limitUsd(),
                    r.budget().resetInterval() == null ? null : r.budget().resetInterval().wire(),
                    r.budget().includeByok(), r.allowedModels(), r.ignoredModels(), r.allowedProviders(),
                    r.ignoredProviders(), r.allowedDataRegions(), z.all(), z.anthropic(), z.openai(), z.google(),
                    z.xai(), z.other(), r.enableFreeModelPublication(), r.enableFreeModelTraining(),
                    r.enablePaidModelTraining(),
                    r.contentFilters() == null ? null : r.contentFilters().stream()
                            .map(f -> new ContentFilterEntry(f.pattern(), f.action().wire(), f.label())).toList(),
                    r.builtinFilters() == null ? null : r.builtinFilters().stream()
                            .map(f -> new ContentFilterBuiltinEntry(SLUG_OF.get(f.builtin()), f.action().wire(),
                                    f.label(), f.scanScope())).toList(),
                    g.createdAt(), g.updatedAt());
        }
    }

    record ContentFilterEntry(String pattern, String action, String label) {
    }

    /** {@code label} and {@code scan_scope} are optional but never null in OpenRouter's schema: left out when unset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContentFilterBuiltinEntry(String slug, String action, String label, String scanScope) {
    }

    /** {@code {"data": ...}}, OpenRouter's wrapper of a single object. */
    record Data<T>(T data) {
    }

    /** OpenRouter's page: {@code {"data": [...], "total_count": N}}. */
    record Listed<T>(List<T> data, long totalCount) {

        static <S, T> Listed<T> of(Page<S> page, Function<S, T> view) {
            return new Listed<>(page.items().stream().map(view).toList(), page.total());
        }
    }

    record Deleted(boolean deleted) {
    }

    record Assigned(int assignedCount) {
    }

    record Unassigned(int unassignedCount) {
    }

    /** {@code key_hash}, {@code key_name} and {@code key_label} answer the Atrium key id (the contract). */
    record KeyAssignmentView(String id, String keyHash, String keyName, String keyLabel, String guardrailId,
            String assignedBy, Instant createdAt) {

        static KeyAssignmentView of(KeyAssignment a) {
            return new KeyAssignmentView(a.id(), a.keyId(), a.keyId(), a.keyId(), a.guardrailId(), a.assignedBy(),
                    a.createdAt());
        }
    }

    record MemberAssignmentView(String id, String userId, String organizationId, String guardrailId,
            String assignedBy, Instant createdAt) {

        static MemberAssignmentView of(MemberAssignment a) {
            return new MemberAssignmentView(a.id(), a.userId(), a.organizationId(), a.guardrailId(), a.assignedBy(),
                    a.createdAt());
        }
    }

    record WorkspaceDefault(String workspaceId, String guardrailId) {
    }
}
