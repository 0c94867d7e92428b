package dev.atrium.gateway.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.out.UpstreamProvider;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.routing.api.Candidate;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
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
    public Uni<UpstreamAnswer> complete(Candidate candidate, ObjectNode openAiBody, String byokKey) {
        long started = System.nanoTime();
        Optional<String> credential = byokKey != null ? Optional.of(byokKey)
                : credentials.forProvider(candidate.provider());
        if (credential.isEmpty()) {
            return Uni.createFrom().item(new UpstreamAnswer(0, null,
                    "no credential configured for provider " + candidate.provider(), 0));
        }
        boolean anthropic = "anthropic".equals(candidate.protocol());
        openAiBody.put("stream", false);
        ObjectNode body;
        try {
            body = anthropic ? AnthropicTranslation.request(openAiBody) : openAiBody;
        } catch (UntranslatableRequest e) {
            // The caller's error, answered as a provider's 400 would be, without calling the provider.
            return Uni.createFrom().item(new UpstreamAnswer(400, null, e.getMessage(), 0));
        }
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

    @Override
    public Uni<UpstreamStream> stream(Candidate candidate, ObjectNode openAiBody, String byokKey) {
        long started = System.nanoTime();
        Optional<String> credential = byokKey != null ? Optional.of(byokKey)
                : credentials.forProvider(candidate.provider());
        if (credential.isEmpty()) {
            return Uni.createFrom().item(new UpstreamStream(0, "no credential configured for provider "
                    + candidate.provider(), null, 0));
        }
        boolean anthropic = "anthropic".equals(candidate.protocol());
        ObjectNode body;
        try {
            body = anthropic ? AnthropicTranslation.request(openAiBody).put("stream", true) : openAiBody;
        } catch (UntranslatableRequest e) {
            return Uni.createFrom().item(new UpstreamStream(400, e.getMessage(), null, 0));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(candidate.baseUrl() + (anthropic ? "/v1/messages" : "/v1/chat/completions"))
                .setIdleTimeout(timeoutMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "text/event-stream");
        if (anthropic) {
            options.putHeader("x-api-key", credential.get()).putHeader("anthropic-version", "2023-06-01");
        } else {
            options.putHeader("Authorization", "Bearer " + credential.get());
        }
        return http.streaming().request(options)
                .chain(request -> request.send(Buffer.buffer(body.toString()))
                        .chain(response -> {
                            if (response.statusCode() != 200) {
                                return response.body().map(error -> new UpstreamStream(response.statusCode(),
                                        errorMessage(parseOrNull(error), response.statusCode()), null,
                                        elapsed(started)));
                            }
                            Multi<ObjectNode> chunks = anthropic
                                    ? AnthropicStreamTranslation.chunks(SseLines.events(response.toMulti()), json,
                                            candidate.upstreamModel())
                                    : openAiChunks(SseLines.events(response.toMulti()), json);
                            // A client that goes away aborts the upstream call instead of paying for the rest.
                            Multi<ObjectNode> abortable = chunks.onCancellation().invoke(() -> request.reset());
                            return Uni.createFrom().item(new UpstreamStream(200, null, abortable, elapsed(started)));
                        }))
                .onFailure().recoverWithItem(e -> new UpstreamStream(0, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, elapsed(started)));
    }

    /**
     * {@code GET /v1/models} with the platform's credential, as OpenAI and Anthropic serve it, once on each client:
     * free, nothing generated; the answer, even a refusal, is read and dropped and its connection stays pooled.
     */
    @Override
    public Uni<Void> connect(Candidate candidate) {
        boolean anthropic = "anthropic".equals(candidate.protocol());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(candidate.baseUrl() + "/v1/models").setIdleTimeout(timeoutMillis);
        credentials.forProvider(candidate.provider()).ifPresent(key -> {
            if (anthropic) {
                options.putHeader("x-api-key", key).putHeader("anthropic-version", "2023-06-01");
            } else {
                options.putHeader("Authorization", "Bearer " + key);
            }
        });
        HttpRequest<Buffer> answers = http.client().request(HttpMethod.GET, options).timeout(timeoutMillis);
        Uni<?> streams = http.streaming().request(options).chain(request -> request.send())
                .chain(response -> response.body());
        return Uni.combine().all().unis(answers.send(), streams).discardItems()
                .onFailure().recoverWithNull();
    }

    /** The OpenAI-compatible relay: each event's data is one chunk, {@code [DONE]} ends the stream. */
    static Multi<ObjectNode> openAiChunks(Multi<SseLines.Event> events, ObjectMapper json) {
        return events.select().where(e -> !"[DONE]".equals(e.data().strip()))
                .map(e -> {
                    try {
                        JsonNode chunk = json.readTree(e.data());
                        if (chunk.has("error")) {
                            throw new IllegalStateException("provider error mid-stream: "
                                    + chunk.path("error").path("message").asText());
                        }
                        return (ObjectNode) chunk;
                    } catch (IOException ex) {
                        throw new IllegalStateException("unreadable chunk from the provider", ex);
                    }
                });
    }

    private JsonNode parseOrNull(Buffer body) {
        try {
            return body == null ? null : json.readTree(body.getBytes());
        } catch (IOException e) {
            return null;
        }
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
