package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.api.PresetDefinition;
import java.util.Map;
import java.util.Optional;

/**
 * Presets as OpenRouter's: named as {@code model: "@preset/slug"} (or {@code @preset/slug@N} for an
 * older version) or in a {@code preset} field beside a model. The preset's system prompt goes first;
 * its parameters and provider preferences sit under the request's own, except locked parameters,
 * whose preset value wins.
 */
final class Presets {

    static final String MODEL_PREFIX = "@preset/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Presets() {
    }

    /**
     * The {@code slug@N} the request names, checked against the workspace's presets (slug -> newest
     * version); empty when the request names none.
     */
    static Optional<String> reference(ObjectNode body, Map<String, Integer> workspacePresets) {
        String field;
        String named;
        JsonNode model = body.path("model");
        if (model.isTextual() && model.asText().startsWith(MODEL_PREFIX)) {
            field = "model";
            named = model.asText().substring(MODEL_PREFIX.length());
        } else if (body.has("preset") && !body.get("preset").isNull()) {
            if (!body.get("preset").isTextual() || body.get("preset").asText().isBlank()) {
                throw ApiException.badRequest("preset", "preset must be a preset slug such as support or support@2");
            }
            field = "preset";
            named = body.get("preset").asText();
        } else {
            return Optional.empty();
        }
        int at = named.indexOf('@');
        String slug = at < 0 ? named : named.substring(0, at);
        Integer newest = workspacePresets.get(slug);
        if (newest == null) {
            throw ApiException.badRequest(field, "This workspace has no preset named '" + slug + "'");
        }
        if (at < 0) {
            return Optional.of(slug + "@" + newest);
        }
        String version = named.substring(at + 1);
        if (!version.matches("[1-9][0-9]{0,8}") || Integer.parseInt(version) > newest) {
            throw ApiException.badRequest(field, "Preset '" + slug + "' has no version " + version
                    + "; the newest is " + newest);
        }
        return Optional.of(slug + "@" + version);
    }

    /** A new body: the request with the preset applied; the request's body is left as it was. */
    static ObjectNode apply(ObjectNode request, PresetDefinition preset) {
        ObjectNode body = request.deepCopy();
        body.remove("preset");
        if (body.path("model").asText("").startsWith(MODEL_PREFIX)) {
            body.remove("model");
        }
        if (!body.hasNonNull("model") && !body.hasNonNull("models") && preset.model() != null) {
            body.put("model", preset.model());
        }
        if (preset.systemPrompt() != null && !preset.systemPrompt().isBlank()) {
            ArrayNode messages = body.withArray("messages");
            messages.insertObject(0).put("role", "system").put("content", preset.systemPrompt());
        }
        preset.parameters().forEach((name, value) -> {
            if (preset.lockedParameters().contains(name) || !body.hasNonNull(name)) {
                body.set(name, JSON.valueToTree(value));
            }
        });
        if (!preset.provider().isEmpty()) {
            JsonNode given = body.path("provider");
            ObjectNode provider = given.isObject() ? (ObjectNode) given : body.putObject("provider");
            preset.provider().forEach((name, value) -> {
                if (!provider.hasNonNull(name)) {
                    provider.set(name, JSON.valueToTree(value));
                }
            });
        }
        return body;
    }
}
