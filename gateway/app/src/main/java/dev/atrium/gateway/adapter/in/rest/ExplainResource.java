package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.ExplainUseCase;
import dev.atrium.gateway.application.port.in.ExplainUseCase.Explanation;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.PresetDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;

/** The same body as a chat completion, answered without calling a provider. */
@Path("/api/v1")
class ExplainResource {

    private final ExplainUseCase explain;

    ExplainResource(ExplainUseCase explain) {
        this.explain = explain;
    }

    @POST
    @Path("/explain")
    public Uni<Map<String, ExplainView>> explain(@HeaderParam("Authorization") String authorization, JsonNode body) {
        String apiKey = ApiKeyHeader.read(authorization);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "The body must be a JSON object");
        }
        return explain.explain(ChatRequestReader.command(apiKey, (ObjectNode) body))
                .map(e -> Map.of("data", ExplainView.of(e)));
    }

    /**
     * @param route    every candidate in plan order, each marked whether the guardrail allows it
     * @param excluded the endpoints routing left out, with the preference that removed each
     * @param preset   the preset version that would apply, or null
     * @param plugins  the plugins that would run
     */
    record ExplainView(String keyId, String workspaceId, String organizationId, List<String> models,
            CheckResult guardrail, List<CandidateView> route, CandidateView wouldCall,
            List<RoutePlan.Exclusion> excluded, PresetDefinition preset, List<String> plugins) {

        static ExplainView of(Explanation e) {
            List<CandidateView> route = e.candidates().stream()
                    .map(c -> CandidateView.of(c, e.allowed().contains(c))).toList();
            CandidateView first = e.allowed().isEmpty() ? null : CandidateView.of(e.allowed().get(0), true);
            return new ExplainView(e.key().keyId(), e.key().workspaceId(), e.key().organizationId(), e.models(),
                    e.verdict(), route, first, e.excluded(), e.preset(), e.plugins().stream().sorted().toList());
        }
    }

    record CandidateView(String model, String provider, String upstreamModel, Map<String, String> pricing,
            String quantization, boolean byok, boolean allowed, String dataRegion) {

        static CandidateView of(Candidate c, boolean allowed) {
            return new CandidateView(c.model(), c.provider(), c.upstreamModel(),
                    Map.of("prompt", c.price().prompt().toPlainString(), "completion",
                            c.price().completion().toPlainString()),
                    c.quantization(), c.byok(), allowed, c.dataRegion());
        }
    }
}
