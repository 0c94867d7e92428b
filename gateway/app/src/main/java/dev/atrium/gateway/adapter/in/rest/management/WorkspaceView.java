package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * OpenRouter's workspace. Atrium keeps no description, image model, I/O logging or data-discount setting:
 * those answer "none". {@code default_guardrail_id}: the named guardrail set as the workspace's default at
 * guardrail-service; a string in OpenRouter's schema, so empty when there is none.
 */
record WorkspaceView(String id, String name, String slug, String description, String defaultTextModel,
        String defaultImageModel, String defaultProviderSort, String defaultGuardrailId, String createdAt,
        String createdBy, String updatedAt, List<Integer> ioLoggingApiKeyIds, double ioLoggingSamplingRate,
        boolean isDataDiscountLoggingEnabled, boolean isObservabilityBroadcastEnabled,
        boolean isObservabilityIoLoggingEnabled, String organizationId, boolean archived) {
    static WorkspaceView of(JsonNode w, String defaultGuardrailId) {
        return new WorkspaceView(w.path("id").asText(), w.path("name").asText(), w.path("slug").asText(), null,
                OpenRouterBodies.text(w, "default_text_model"), null,
                OpenRouterBodies.text(w, "default_provider_sort"), defaultGuardrailId, w.path("created_at").asText(),
                null, null,
                null, 1.0, false, false, false, OpenRouterBodies.text(w, "organization_id"),
                w.path("archived").asBoolean(false));
    }
}
