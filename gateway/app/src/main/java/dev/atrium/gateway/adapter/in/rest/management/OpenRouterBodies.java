package dev.atrium.gateway.adapter.in.rest.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import java.util.Iterator;
import java.util.Map;

/**
 * An OpenRouter request body translated field by field into the owning service's: each field it names
 * is renamed (or kept) into the service's body; a field Atrium has no counterpart for is refused (400
 * naming it), never silently dropped (ADR 0016).
 */
final class OpenRouterBodies {

    private OpenRouterBodies() {
    }

    /** {@code renames}: OpenRouter field -> the service's field. */
    static ObjectNode translate(JsonNode body, Map<String, String> renames) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (body == null || body.isNull()) {
            return out;
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("body", "The body must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String target = renames.get(field.getKey());
            if (target == null) {
                throw ApiException.badRequest(field.getKey(), "Atrium does not support the field " + field.getKey()
                        + " on this route");
            }
            out.set(target, field.getValue());
        }
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
