package dev.atrium.workspace.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.Patch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** A PATCH body: an absent field keeps its value, an explicit null clears it, a wrong type is a 400 naming it. */
final class PatchBody {

    private final JsonNode node;

    private PatchBody(JsonNode node) {
        this.node = node;
    }

    /** @param fields the fields this PATCH reads; any other is refused (400 naming it), never dropped */
    static PatchBody of(JsonNode node, String... fields) {
        if (node == null || !node.isObject()) {
            throw new ApiException(400, "The body must be a JSON object", Map.of());
        }
        List<String> known = List.of(fields);
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new InvalidFieldException(field, "Unknown field " + field);
            }
        });
        return new PatchBody(node);
    }

    Patch<String> text(String field) {
        return read(field, JsonNode::isTextual, JsonNode::asText, "a string");
    }

    Patch<Boolean> bool(String field) {
        return read(field, JsonNode::isBoolean, JsonNode::asBoolean, "true or false");
    }

    Patch<BigDecimal> decimal(String field) {
        return read(field, JsonNode::isNumber, JsonNode::decimalValue, "a number");
    }

    Patch<Instant> instant(String field) {
        Patch<String> text = read(field, JsonNode::isTextual, JsonNode::asText, "an RFC 3339 timestamp");
        try {
            return text.present() && text.value() != null ? Patch.of(Instant.parse(text.value()))
                    : text.present() ? Patch.of(null) : Patch.keep();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, field + " must be an RFC 3339 timestamp such as 2027-01-01T00:00:00Z");
        }
    }

    private <T> Patch<T> read(String field, Predicate<JsonNode> typeOk,
            Function<JsonNode, T> value, String expected) {
        if (!node.has(field)) {
            return Patch.keep();
        }
        JsonNode v = node.get(field);
        if (v.isNull()) {
            return Patch.of(null);
        }
        if (!typeOk.test(v)) {
            throw new InvalidFieldException(field, field + " must be " + expected);
        }
        return Patch.of(value.apply(v));
    }
}
