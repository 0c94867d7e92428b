package dev.atrium.console.adapter.in.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.console.adapter.out.client.ServiceCallException;

/** JSON typed into a form's text area, read before it goes to a service (which checks what it means). */
final class JsonForms {

    private JsonForms() {
    }

    static JsonNode object(ObjectMapper json, String field, String text) {
        return parse(json, field, text, true);
    }

    static JsonNode array(ObjectMapper json, String field, String text) {
        return parse(json, field, text, false);
    }

    private static JsonNode parse(ObjectMapper json, String field, String text, boolean object) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ServiceCallException(400, field + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || (object ? !node.isObject() : !node.isArray())) {
            throw new ServiceCallException(400, field + " must be a JSON " + (object ? "object {...}" : "array [...]"));
        }
        return node;
    }
}
