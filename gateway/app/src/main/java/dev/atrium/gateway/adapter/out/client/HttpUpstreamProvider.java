package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.out.UpstreamProvider;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.routing.api.Candidate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;

/** Calls OpenAI-compatible and Anthropic providers; every answer comes back in OpenAI shape. */
@ApplicationScoped
class HttpUpstreamProvider implements UpstreamProvider {

    private final WebClients http;
    private final ProviderCredentials credentials;
    private final ObjectMapper json;
    private final long timeoutMillis;

    HttpUpstreamProvider(WebClients http, ProviderCredentials credentials, ObjectMapper json, GatewayConfig config) {
        this.http = http;
        this.credentials = credentials;
        this.json = json;
        this.timeoutMillis = config.upstreamTimeout().toMillis();
    }

    @Override
    public Uni<UpstreamAnswer> complete(Candidate candidate, ObjectNode openAiBody) {
        long started = System.nanoTime();
        Optional<String> credential = credentials.forProvider(candidate.provider());
        if (credential.isEmpty()) {
            return Uni.createFrom().item(new UpstreamAnswer(0, null,
                    "no credential configured for provider " + candidate.provider(), 0));
        }
        boolean anthropic = "anthropic".equals(candidate.protocol());
        openAiBody.put("stream", false);
        ObjectNode body = anthropic ? AnthropicTranslation.request(openAiBody) : openAiBody;
        HttpRequest<Buffer> request = anthropic
                ? http.client().postAbs(candidate.baseUrl() + "/v1/messages")
                        .putHeader("x-api-key", credential.get())
                        .putHeader("anthropic-version", "2023-06-01")
                : http.client().postAbs(candidate.baseUrl() + "/v1/chat/completions")
                        .putHeader("Authorization", "Bearer " + credential.get());
        return request.putHeader("Content-Type", "application/json")
                .timeout(timeoutMillis)
                .sendBuffer(Buffer.buffer(body.toString()))
                .map(response -> read(response, anthropic, candidate, elapsed(started)))
                .onFailure().recoverWithItem(e -> new UpstreamAnswer(0, null, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), elapsed(started)));
    }

    private UpstreamAnswer read(HttpResponse<Buffer> response, boolean anthropic, Candidate candidate, long latency) {
        JsonNode parsed;
        try {
            parsed = json.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
        } catch (IOException e) {
            return new UpstreamAnswer(response.statusCode() == 200 ? 502 : response.statusCode(), null,
                    "unreadable answer from " + candidate.provider(), latency);
        }
        if (response.statusCode() != 200) {
            return new UpstreamAnswer(response.statusCode(), null, errorMessage(parsed, response.statusCode()), latency);
        }
        ObjectNode body = anthropic ? AnthropicTranslation.response(parsed, candidate.upstreamModel())
                : (ObjectNode) parsed;
        return new UpstreamAnswer(200, body, null, latency);
    }

    private static String errorMessage(JsonNode body, int status) {
        JsonNode message = body == null ? null : body.path("error").path("message");
        return message != null && message.isTextual() ? message.asText() : "HTTP " + status;
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
