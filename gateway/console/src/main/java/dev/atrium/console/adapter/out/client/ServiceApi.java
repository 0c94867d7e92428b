package dev.atrium.console.adapter.out.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.atrium.console.config.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls the services' published REST APIs with the signed-in user's own access token, so every answer and
 * every refusal is the service's: the console decides no right and keeps no data.
 */
@RequestScoped
public class ServiceApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ConsoleConfig config;
    private final AccessTokenCredential token;
    private final ObjectMapper json;

    ServiceApi(ConsoleConfig config, AccessTokenCredential token, ObjectMapper json) {
        this.config = config;
        this.token = token;
        this.json = json;
    }

    public JsonNode get(Service service, String path) {
        return send(request(service, path, token.getToken()).GET());
    }

    /** The body as the service sent it (CSV exports). */
    public String getText(Service service, String path) {
        return exchange(request(service, path, token.getToken()).GET()).body();
    }

    public JsonNode post(Service service, String path, Object body) {
        return send(request(service, path, token.getToken()).POST(body(body)));
    }

    public JsonNode put(Service service, String path, Object body) {
        return send(request(service, path, token.getToken()).PUT(body(body)));
    }

    public JsonNode patch(Service service, String path, Object body) {
        return send(request(service, path, token.getToken()).method("PATCH", body(body)));
    }

    public JsonNode delete(Service service, String path) {
        return send(request(service, path, token.getToken()).DELETE());
    }

    /** A call made with an API key instead of the user's token (the gateway's explain). */
    public JsonNode postWithKey(Service service, String path, String apiKey, String rawJson) {
        return send(request(service, path, apiKey).POST(HttpRequest.BodyPublishers.ofString(rawJson)));
    }

    private HttpRequest.Builder request(Service service, String path, String bearer) {
        return HttpRequest.newBuilder(URI.create(base(service) + path)).timeout(config.callTimeout())
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private String base(Service service) {
        return switch (service) {
            case WORKSPACE -> config.workspaceUrl();
            case GUARDRAIL -> config.guardrailUrl();
            case ROUTING -> config.routingUrl();
            case BILLING -> config.billingUrl();
            case GATEWAY -> config.gatewayUrl();
        };
    }

    private HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> answer = exchange(request);
        if (answer.body() == null || answer.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new ServiceCallException(502, "The service answered something that is not JSON");
        }
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceCallException(0, "The service at " + built.uri().getAuthority() + " could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(0, "Interrupted");
        }
        if (answer.statusCode() >= 400) {
            throw new ServiceCallException(answer.statusCode(), message(answer));
        }
        return answer;
    }

    /** The message of the services' error shape {"error":{"code":N,"message":"..."}}, else the status. */
    private String message(HttpResponse<String> answer) {
        try {
            JsonNode error = json.readTree(answer.body()).path("error");
            if (error.path("message").isTextual()) {
                return error.path("message").asText();
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not the error shape: fall through to the status
        }
        return switch (answer.statusCode()) {
            case 401 -> "Not signed in (the session may have ended)";
            case 403 -> "You are not allowed to see or change this";
            case 404 -> "Not found";
            default -> "The service answered " + answer.statusCode();
        };
    }
}
