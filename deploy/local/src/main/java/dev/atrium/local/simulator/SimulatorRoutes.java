package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;

/** The single handler behind every path: a small router, cheaper than one JDK context per route. */
final class SimulatorRoutes implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SimulatorRoutes.class.getName());

    private final CompletionEndpoint openAi;
    private final CompletionEndpoint anthropic;
    private final ControlApi control;
    private final ObjectMapper json;

    SimulatorRoutes(CompletionEndpoint openAi, CompletionEndpoint anthropic, ControlApi control, ObjectMapper json) {
        this.openAi = openAi;
        this.anthropic = anthropic;
        this.control = control;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator failed on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath(), e);
            if (exchange.getResponseCode() != -1) {
                throw new ConnectionAborted();
            }
            Exchanges.sendError(exchange, 500, "simulator_error", String.valueOf(e.getMessage()), json);
        }
        // A ConnectionAborted leaves before this point on purpose: closing would finish the response.
        exchange.close();
    }

    private void route(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().substring(1).split("/", -1);
        if (matches(path, "health")) {
            control.health(exchange);
        } else if (matches(path, "sim", "requests")) {
            control.requests(exchange);
        } else if (matches(path, "sim", "providers", null)) {
            control.provider(exchange, path[2]);
        } else if (matches(path, "p", null, "v1", "chat", "completions")) {
            completion(exchange, openAi, path[1]);
        } else if (matches(path, "p", null, "v1", "messages")) {
            completion(exchange, anthropic, path[1]);
        } else {
            Exchanges.sendError(exchange, 404, "not_found",
                    "no route for " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), json);
        }
    }

    private void completion(HttpExchange exchange, CompletionEndpoint endpoint, String provider) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            Exchanges.sendMethodNotAllowed(exchange, "POST", json);
            return;
        }
        endpoint.handle(exchange, provider);
    }

    /** Whether the path has exactly these segments; a null pattern segment matches any non-empty one. */
    private static boolean matches(String[] path, String... pattern) {
        if (path.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean matches = pattern[i] == null ? !path[i].isEmpty() : pattern[i].equals(path[i]);
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
