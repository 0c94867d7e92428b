package dev.atrium.local.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Small HTTP helpers over the JDK server's exchange. */
final class Exchanges {

    private Exchanges() {
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body, ObjectMapper json) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The shape of errors outside the two provider protocols: routing and control. */
    static void sendError(HttpExchange exchange, int status, String type, String message, ObjectMapper json)
            throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        sendJson(exchange, status, body, json);
    }

    static void sendMethodNotAllowed(HttpExchange exchange, String allowed, ObjectMapper json) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        sendError(exchange, 405, "method_not_allowed",
                exchange.getRequestMethod() + " is not allowed here; use " + allowed, json);
    }

    static JsonNode readJson(HttpExchange exchange, ObjectMapper json) throws IOException, InvalidRequest {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (body.length == 0) {
                throw new InvalidRequest("the request body is empty; a JSON object was expected");
            }
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** One query parameter, decoded, or null when absent. */
    static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
