package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the request fields both protocols share. */
final class RequestFields {

    private RequestFields() {
    }

    /**
     * The text of a message content: a plain string, or the concatenated {@code text} of its
     * blocks; images, tool calls and the like count for nothing.
     */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            JsonNode blockText = block.path("text");
            if (blockText.isTextual()) {
                text.append(blockText.asText());
            }
        }
        return text.toString();
    }

    /** An optional token limit: absent or null gives null, anything but a whole number >= 1 is refused. */
    static Integer positiveIntOrNull(JsonNode body, String name) throws InvalidRequest {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new InvalidRequest(
                    "Invalid '" + name + "': expected an integer >= 1, but got " + value + " instead.");
        }
        return value.intValue();
    }
}
