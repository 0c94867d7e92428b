package dev.atrium.console.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.console.adapter.out.client.Service;
import dev.atrium.console.adapter.out.client.ServiceApi;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Explain: a request and an API key go to the gateway's dry run, which says whether the key's guardrails
 * admit it, where it would be routed and at what price. The key is used for that one call and not kept.
 */
@Path("/explain")
@Authenticated
class ExplainPage {

    static final String SAMPLE = "{\n  \"model\": \"openai/gpt-4o-mini\",\n  \"max_tokens\": 64,\n"
            + "  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}";

    private final Template explain;
    private final Viewer viewer;
    private final ServiceApi api;
    private final ObjectMapper json;

    ExplainPage(Template explain, Viewer viewer, ServiceApi api, ObjectMapper json) {
        this.explain = explain;
        this.viewer = viewer;
        this.api = api;
        this.json = json;
    }

    @GET
    public TemplateInstance form() {
        return explain.data("me", viewer.me()).data("request", SAMPLE).data("result", null).data("verdict", null)
                .data("raw", "");
    }

    @POST
    public TemplateInstance run(@FormParam("api_key") String apiKey, @FormParam("request") String request) {
        String body = request == null || request.isBlank() ? SAMPLE : request;
        Loaded result = Loaded.of(() -> api.postWithKey(Service.GATEWAY, "/api/v1/explain",
                apiKey == null ? "" : apiKey.trim(), body));
        JsonNode data = result.json().path("data");
        String raw = "";
        if (result.ok()) {
            try {
                raw = json.writerWithDefaultPrettyPrinter().writeValueAsString(data);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                raw = data.toString();
            }
        }
        return explain.data("me", viewer.me()).data("request", body).data("result", result)
                .data("verdict", Views.plain(data.path("guardrail"))).data("wouldCall", Views.plain(data.path("would_call")))
                .data("route", Views.rows(data.path("route"))).data("raw", raw);
    }
}
