package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.domain.Charge;
import dev.atrium.gateway.domain.Usage;
import dev.atrium.routing.api.Price;
import java.math.BigDecimal;

/**
 * Chat answers and chunks in OpenRouter's published shapes, as its own SDK validates them: every required
 * field present with the type its schema allows ({@code created}, {@code object}, each choice's {@code index}
 * and {@code finish_reason}, a non-streamed answer's {@code system_fingerprint}), no {@code null} where the
 * schema wants an object or leaves the field out ({@code usage} of a content chunk), and usage with its cost
 * split as OpenRouter splits it.
 */
final class ChatShapes {

    private ChatShapes() {
    }

    /** A non-streamed answer from any provider, made whole. */
    static void answer(ObjectNode body, long created) {
        body.put("object", "chat.completion");
        if (!body.path("created").isIntegralNumber()) {
            body.put("created", created);
        }
        if (!body.path("system_fingerprint").isTextual()) {
            body.putNull("system_fingerprint");
        }
        choices(body, "message");
    }

    /** A relayed chunk, made whole: a chunk without usage leaves the field out rather than null. */
    static void chunk(ObjectNode chunk, long created) {
        chunk.put("object", "chat.completion.chunk");
        if (!chunk.path("created").isIntegralNumber()) {
            chunk.put("created", created);
        }
        if (chunk.has("usage") && !chunk.path("usage").isObject()) {
            chunk.remove("usage");
        }
        if (chunk.has("system_fingerprint") && !chunk.path("system_fingerprint").isTextual()) {
            chunk.remove("system_fingerprint");
        }
        choices(chunk, "delta");
    }

    /** A chunk the gateway writes itself (an end, usage), with no choice yet. */
    static ObjectNode newChunk(String generationId, String model, String provider, long created) {
        ObjectNode chunk = JsonNodeFactory.instance.objectNode();
        chunk.put("id", generationId).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model);
        if (provider != null) {
            chunk.put("provider", provider);
        }
        chunk.putArray("choices");
        return chunk;
    }

    /**
     * Replaces {@code holder}'s usage with the one Atrium charges. {@code cost} is what the provider charges
     * for the tokens, capped at the reservation; for a BYOK generation the workspace's own provider account pays
     * it and the organization's credits only the BYOK fee, if any. The provider's token details are kept.
     */
    static void usage(ObjectNode holder, Usage tokens, Charge charge, Price quote, boolean byok) {
        JsonNode reported = holder.path("usage");
        ObjectNode usage = JsonNodeFactory.instance.objectNode();
        usage.put("prompt_tokens", tokens.promptTokens());
        usage.put("completion_tokens", tokens.completionTokens());
        usage.put("total_tokens", tokens.promptTokens() + tokens.completionTokens());
        usage.putObject("prompt_tokens_details").put("cached_tokens",
                reported.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        usage.putObject("completion_tokens_details").put("reasoning_tokens",
                reported.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
        usage.put("cost", charge.cost());
        usage.put("is_byok", byok);
        // The prompt's part first; what the cap left for the completion is the rest, so the parts add up to cost.
        BigDecimal prompt = quote.cost(tokens.promptTokens(), 0).min(charge.cost());
        usage.putObject("cost_details")
                .put("upstream_inference_cost", charge.cost())
                .put("upstream_inference_prompt_cost", prompt)
                .put("upstream_inference_completions_cost", charge.cost().subtract(prompt));
        holder.set("usage", usage);
    }

    private static void choices(ObjectNode holder, String content) {
        if (!holder.path("choices").isArray()) {
            holder.putArray("choices");
        }
        int position = 0;
        for (JsonNode choice : holder.path("choices")) {
            if (choice instanceof ObjectNode c) {
                if (!c.path("index").isIntegralNumber()) {
                    c.put("index", position);
                }
                if (!c.has("finish_reason")) {
                    c.putNull("finish_reason");
                }
                if (!c.path(content).isObject()) {
                    c.putObject(content);
                }
            }
            position++;
        }
    }
}
