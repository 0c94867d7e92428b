package dev.atrium.console.adapter.out.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Calls the services' published REST APIs with the signed-in user's own access token, so every answer and
 * every refusal is the service's: the console decides no right and keeps no data. A page starts its reads
 * together ({@link #fetch}) and waits for them once, so it takes as long as its slowest call, not their sum.
 */
@RequestScoped
public class ServiceApi {

    private final ServiceClients clients;
    private final AccessTokenCredential token;
    private final ObjectMapper json;

    ServiceApi(ServiceClients clients, AccessTokenCredential token, ObjectMapper json) {
        this.clients = clients;
        this.token = token;
        this.json = json;
    }

    public JsonNode get(Service service, String path) {
        return read(exchange(service, path, (p, q) -> clients.of(service).get(p, q, user())));
    }

    /**
     * A read started now and answered later: the token is read here, on the request's thread, and the call
     * runs on the client's threads. {@link #await} gives its answer or the service's refusal.
     */
    public CompletableFuture<JsonNode> fetch(Service service, String path) {
        String bearer = user();
        CompletionStage<Response> call;
        try {
            call = clients.of(service).fetch(route(path), queryOf(path), bearer);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.toCompletableFuture().handle((answer, failure) -> read(body(service, answer, failure)));
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
        return exchange(service, path, (p, q) -> clients.of(service).get(p, q, user()));
    }

    public JsonNode post(Service service, String path, Object body) {
        return read(exchange(service, path, (p, q) -> clients.of(service).post(p, q, user(), write(body))));
    }

    public JsonNode put(Service service, String path, Object body) {
        return read(exchange(service, path, (p, q) -> clients.of(service).put(p, q, user(), write(body))));
    }

    public JsonNode patch(Service service, String path, Object body) {
        return read(exchange(service, path, (p, q) -> clients.of(service).patch(p, q, user(), write(body))));
    }

    public JsonNode delete(Service service, String path) {
        return read(exchange(service, path, (p, q) -> clients.of(service).delete(p, q, user())));
    }

    /** A call made with an API key instead of the user's token (the gateway's explain). */
    public JsonNode postWithKey(Service service, String path, String apiKey, String rawJson) {
        return read(exchange(service, path, (p, q) -> clients.of(service).post(p, q, "Bearer " + apiKey, rawJson)));
    }

    private String user() {
        return "Bearer " + token.getToken();
    }

    private interface Call {
        Response send(String path, MultivaluedMap<String, String> query);
    }

    /** The answer's body; a refusal is a {@link ServiceCallException} with the service's status and message. */
    private String exchange(Service service, String path, Call call) {
        Response answer = null;
        Throwable failure = null;
        try {
            answer = call.send(route(path), queryOf(path));
        } catch (RuntimeException e) {
            failure = e;
        }
        return body(service, answer, failure);
    }

    /** {@code path} without its query and leading slash. */
    private static String route(String path) {
        int q = path.indexOf('?');
        return (q < 0 ? path : path.substring(0, q)).replaceFirst("^/+", "");
    }

    /** {@code path}'s query, decoded: the client encodes it again. */
    private static MultivaluedMap<String, String> queryOf(String path) {
        int q = path.indexOf('?');
        return query(q < 0 ? "" : path.substring(q + 1));
    }

    /** The body of an answer, or of the refusal the client threw; any other failure is an unreachable service. */
    private String body(Service service, Response answer, Throwable failure) {
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        if (cause instanceof WebApplicationException refused) {
            answer = refused.getResponse();
        } else if (cause != null) {
            throw new ServiceCallException(0, "The service at " + clients.authority(service) + " could not be reached");
        }
        String body = answer.hasEntity() ? answer.readEntity(String.class) : "";
        if (answer.getStatus() >= 400) {
            throw new ServiceCallException(answer.getStatus(), message(answer.getStatus(), body));
        }
        return body;
    }

    private static MultivaluedMap<String, String> query(String raw) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                query.add(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ServiceCallException(502, "The service answered something that is not JSON");
        }
    }

    /** The message of the services' error shape {"error":{"code":N,"message":"..."}}, else the status. */
    private String message(int status, String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.path("message").isTextual()) {
                return error.path("message").asText();
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not the error shape: fall through to the status
        }
        return switch (status) {
            case 401 -> "Not signed in (the session may have ended)";
            case 403 -> "You are not allowed to see or change this";
            case 404 -> "Not found";
            default -> "The service answered " + status;
        };
    }
}
