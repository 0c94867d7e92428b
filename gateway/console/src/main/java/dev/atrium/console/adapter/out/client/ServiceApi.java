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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Calls the services' published REST APIs with the signed-in user's own access token, so every answer and
 * every refusal is the service's: the console decides no right and keeps no data. A page starts its reads
 * together ({@link #fetch}) and waits for them once, so it takes as long as its slowest call, not their sum.
 */
@RequestScoped
public class ServiceApi {

    /** HTTP/1.1: the default HTTP/2 would first try an h2c upgrade on every new plain-text connection. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

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

    /**
     * A read started now and answered later: the token is read here, on the request's thread, and the call
     * runs on the client's threads. {@link #await} gives its answer or the service's refusal.
     */
    public CompletableFuture<JsonNode> fetch(Service service, String path) {
        HttpRequest built = request(service, path, token.getToken()).GET().build();
        return HTTP.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                .handle((answer, failure) -> parse(checked(built, answer, failure)));
    }

    /** The answer of a {@link #fetch}, or its {@link ServiceCallException}. */
    public static JsonNode await(CompletableFuture<JsonNode> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ServiceCallException refused) {
                throw refused;
            }
            throw e;
        }
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
        return parse(exchange(request));
    }

    private JsonNode parse(HttpResponse<String> answer) {
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
        try {
            return checked(built, HTTP.send(built, HttpResponse.BodyHandlers.ofString()), null);
        } catch (IOException e) {
            return checked(built, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(0, "Interrupted");
        }
    }

    private HttpResponse<String> checked(HttpRequest built, HttpResponse<String> answer, Throwable failure) {
        if (failure != null) {
            throw new ServiceCallException(0, "The service at " + built.uri().getAuthority() + " could not be reached");
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
