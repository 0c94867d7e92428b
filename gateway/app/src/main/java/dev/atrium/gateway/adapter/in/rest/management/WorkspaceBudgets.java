package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import java.util.List;

/** OpenRouter's workspace budgets, one per window, read from and written into the workspace's guardrail policy. */
final class WorkspaceBudgets {

    static final List<String> INTERVALS = List.of("daily", "weekly", "monthly", "lifetime");

    private WorkspaceBudgets() {
    }

    /** The policy's budgets but the one of that window. */
    static ArrayNode budgetsBut(JsonNode policyView, String interval) {
        ArrayNode budgets = JsonNodeFactory.instance.arrayNode();
        policyView.path("policy").path("budgets").forEach(x -> {
            if (!interval.equals(x.path("window").asText())) {
                budgets.add(x);
            }
        });
        return budgets;
    }

    /** The stored policy document without its nulls (absent means no opinion, as the PUT reads it). */
    static ObjectNode editable(JsonNode view) {
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        view.path("policy").fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) {
                policy.set(f.getKey(), f.getValue());
            }
        });
        return policy;
    }

    static JsonNode find(JsonNode policyView, String interval) {
        for (JsonNode b : policyView.path("policy").path("budgets")) {
            if (interval.equals(b.path("window").asText())) {
                return b;
            }
        }
        throw ApiException.notFound("No " + interval + " budget on this workspace");
    }

    static void requireInterval(String interval) {
        if (!INTERVALS.contains(interval)) {
            throw ApiException.badRequest("interval", "interval must be one of " + INTERVALS);
        }
    }
}
