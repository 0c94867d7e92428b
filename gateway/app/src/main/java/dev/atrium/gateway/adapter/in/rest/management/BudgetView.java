package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** {@code id}: the workspace and the window; {@code reset_interval} null for a lifetime budget. */
record BudgetView(String id, String workspaceId, BigDecimal limitUsd, String resetInterval,
        boolean includeByokInBudgets, String createdAt, String updatedAt) {
    static BudgetView of(String ws, JsonNode policyView, JsonNode budget) {
        String window = budget.path("window").asText();
        String updated = OpenRouterBodies.text(policyView, "updated_at");
        return new BudgetView(ws + ":" + window, ws, budget.path("limit").decimalValue(),
                "lifetime".equals(window) ? null : window, budget.path("include_byok").asBoolean(false),
                updated, updated);
    }
}
