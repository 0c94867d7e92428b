package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way the gateway calls another Atrium service's routes: with its service token and the internal
 * timeout, a call that got no answer turned into a 503. Each service's client ({@link WorkspaceClient},
 * {@link GuardrailClient}, {@link RoutingClient}, {@link BillingClient}) says only what it asks and how it
 * reads the answer.
 */
@ApplicationScoped
class InternalCalls {

    private static final Logger LOG = Logger.getLogger(InternalCalls.class);

    private final WebClients http;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final GatewayConfig config;

    @Inject
    InternalCalls(WebClients http, ServiceTokens tokens, ObjectMapper json, GatewayConfig config) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.config = config;
    }

    GatewayConfig config() {
        return config;
    }

    Uni<HttpResponse<Buffer>> get(String url) {
        return send(url, bearer -> http.client().getAbs(url).putHeader("Authorization", bearer), null);
    }

    Uni<HttpResponse<Buffer>> post(String url, Object body) {
        Buffer payload;
        try {
            payload = Buffer.buffer(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return send(url, bearer -> http.client().postAbs(url).putHeader("Authorization", bearer)
                .putHeader("Content-Type", "application/json"), payload);
    }

    private Uni<HttpResponse<Buffer>> send(String url, Function<String, HttpRequest<Buffer>> request, Buffer payload) {
        return tokens.bearer().chain(bearer -> {
                    HttpRequest<Buffer> call = request.apply(bearer).timeout(config.internalTimeout().toMillis());
                    return payload == null ? call.send() : call.sendBuffer(payload);
                })
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                    LOG.warnf("Internal call to %s failed: %s", url, e.toString());
                    return new ApiException(503, "An Atrium service is unavailable; try again shortly");
                });
    }

    <T> T read(HttpResponse<Buffer> response, Class<T> type) {
        return read(response.body().getBytes(), type);
    }

    <T> T read(byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer from an Atrium service", e);
        }
    }

    /** The called service's own 4xx answer (its message and metadata), passed to the client as it is. */
    @SuppressWarnings("unchecked")
    ApiException clientError(HttpResponse<Buffer> response, String fallbackMessage) {
        Object error = read(response, Map.class).get("error");
        Map<String, Object> e = error instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String message = e.get("message") instanceof String text ? text : fallbackMessage;
        Map<String, Object> metadata = e.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new ApiException(response.statusCode(), message, metadata);
    }

    static ApiException unavailable(String service, HttpResponse<Buffer> response) {
        LOG.warnf("%s answered HTTP %d", service, response.statusCode());
        return new ApiException(503, service + " could not answer; try again shortly");
    }

    /** The answer of a call that must be 200, read as {@code type}; any other status is the service unavailable. */
    <T> T ok(String service, HttpResponse<Buffer> response, Class<T> type) {
        if (response.statusCode() != 200) {
            throw unavailable(service, response);
        }
        return read(response, type);
    }
}
