package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * OpenRouter's workspaces with their {@code default_guardrail_id}, read from guardrail-service: "" when the
 * workspace has none, or while guardrail has not learnt it yet (a workspace just created).
 */
@ApplicationScoped
class DefaultGuardrails {

    private final GuardrailServiceApi guardrails;
    private final ManagementCalls calls;

    DefaultGuardrails(@RestClient GuardrailServiceApi guardrails, ManagementCalls calls) {
        this.guardrails = guardrails;
        this.calls = calls;
    }

    /** One workspace: guardrail answers 404 for one it has not learnt. */
    Uni<WorkspaceView> withDefault(String auth, JsonNode ws) {
        return calls.relay(guardrails.defaultGuardrail(auth, ws.path("id").asText()))
                .map(d -> d.path("data").path("guardrail_id").asText(""))
                .onFailure(e -> e instanceof ApiException a && a.status() == 404).recoverWithItem("")
                .map(guardrail -> WorkspaceView.of(ws, guardrail));
    }

    /**
     * A page of the organization's workspaces (at most 100, as many as guardrail takes in one call), in one call:
     * guardrail leaves out a workspace it has not learnt.
     */
    Uni<List<WorkspaceView>> withDefaults(String auth, String org, List<JsonNode> page) {
        List<String> ids = page.stream().map(ws -> ws.path("id").asText()).toList();
        return calls.relay(guardrails.defaultGuardrails(auth, org, ids)).map(answer -> {
            Map<String, String> found = new HashMap<>();
            answer.path("data").forEach(d -> found.put(d.path("workspace_id").asText(),
                    d.path("guardrail_id").asText("")));
            return page.stream().map(ws -> WorkspaceView.of(ws, found.getOrDefault(ws.path("id").asText(), "")))
                    .toList();
        });
    }
}
