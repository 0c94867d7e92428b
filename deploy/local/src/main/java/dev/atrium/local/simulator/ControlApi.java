package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** The simulator's own routes: provider settings, the request log and health. */
final class ControlApi {

    private final ProviderBehaviours behaviours;
    private final RequestLog log;
    private final ObjectMapper json;

    ControlApi(ProviderBehaviours behaviours, RequestLog log, ObjectMapper json) {
        this.behaviours = behaviours;
        this.log = log;
        this.json = json;
    }

    /** {@code GET|PUT|DELETE /sim/providers/{provider}}; each answers the settings now in force. */
    void provider(HttpExchange exchange, String provider) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> { }
            case "PUT" -> {
                try {
                    behaviours.set(provider, ProviderBehaviourJson.read(Exchanges.readJson(exchange, json)));
                } catch (InvalidRequest | IllegalArgumentException e) {
                    Exchanges.sendError(exchange, 400, "invalid_settings", e.getMessage(), json);
                    return;
                }
            }
            case "DELETE" -> behaviours.reset(provider);
            default -> {
                Exchanges.sendMethodNotAllowed(exchange, "GET, PUT, DELETE", json);
                return;
            }
        }
        Exchanges.sendJson(exchange, 200, ProviderBehaviourJson.write(behaviours.of(provider), json), json);
    }

    /** {@code GET /sim/requests[?provider=]} lists the log, {@code DELETE} empties it. */
    void requests(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                ObjectNode body = json.createObjectNode();
                ArrayNode data = body.putArray("data");
                String provider = Exchanges.queryParameter(exchange, "provider");
                // An empty ?provider= (a template left unfilled) lists everything, like no parameter.
                for (RecordedRequest request : log.list(provider == null || provider.isBlank() ? null : provider)) {
                    request.writeTo(data.addObject());
                }
                Exchanges.sendJson(exchange, 200, body, json);
            }
            case "DELETE" -> {
                log.clear();
                Exchanges.sendEmpty(exchange, 204);
            }
            default -> Exchanges.sendMethodNotAllowed(exchange, "GET, DELETE", json);
        }
    }

    void health(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            Exchanges.sendMethodNotAllowed(exchange, "GET", json);
            return;
        }
        Exchanges.sendJson(exchange, 200, json.createObjectNode().put("status", "UP"), json);
    }
}
