package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.domain.ContextCompression;
import dev.atrium.gateway.domain.JsonHealing;
import dev.atrium.gateway.domain.Plugins;
import dev.atrium.routing.api.Candidate;
import java.util.ArrayList;
import java.util.List;

/** The body each candidate is sent, and the answer's repair the client asked for. */
final class UpstreamBodies {

    /** OpenRouter's own request fields: the gateway acts on them, a strict provider would refuse them. */
    static final List<String> OPENROUTER_ONLY = List.of("models", "provider", "plugins", "preset", "route",
            "transforms", "usage", "session_id");

    private UpstreamBodies() {
    }

    /**
     * The body one candidate gets: its model id, a {@code max_tokens} the reservation covers when the request set
     * none (so the provider cannot write more than was reserved), and the conversation trimmed to its context if
     * asked.
     */
    static ObjectNode forCandidate(Admitted admitted, ObjectNode body, Candidate candidate) {
        ObjectNode upstreamBody = body.deepCopy();
        upstreamBody.put("model", candidate.upstreamModel());
        Integer covered = admitted.verdict().completionTokens();
        if (admitted.request().maxTokens() == null && covered != null) {
            upstreamBody.put("max_tokens", candidate.maxCompletionTokens() == null ? covered
                    : Math.min(covered, candidate.maxCompletionTokens()));
        }
        upstreamBody.remove(OPENROUTER_ONLY);
        if (admitted.plugins().contains(Plugins.CONTEXT_COMPRESSION) && candidate.contextLength() > 0) {
            var messages = upstreamBody.withArray("messages");
            List<ContextCompression.Message> sizes = new ArrayList<>();
            messages.forEach(m -> sizes.add(new ContextCompression.Message(m.path("role").asText(),
                    m.path("content").isTextual() ? m.path("content").asText().length() : m.path("content").toString().length())));
            int answer = upstreamBody.path("max_tokens").asInt(upstreamBody.path("max_completion_tokens").asInt(0));
            List<Integer> keep = ContextCompression.keep(sizes, candidate.contextLength(), answer);
            if (keep.size() < sizes.size()) {
                var trimmed = upstreamBody.putArray("messages");
                keep.forEach(i -> trimmed.add(messages.get(i)));
            }
        }
        return upstreamBody;
    }

    /** response-healing: JSON the client asked for comes back parseable whenever it can be repaired. */
    static void heal(Admitted admitted, ObjectNode body, ObjectNode answer) {
        String format = body.path("response_format").path("type").asText("");
        if (!admitted.plugins().contains(Plugins.RESPONSE_HEALING)
                || !(format.equals("json_object") || format.equals("json_schema"))) {
            return;
        }
        for (JsonNode choice : answer.path("choices")) {
            JsonNode message = choice.path("message");
            if (message.path("content").isTextual()) {
                ((ObjectNode) message).put("content", JsonHealing.repair(message.path("content").asText()));
            }
        }
    }
}
