package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.error.ErrorBody;
import dev.atrium.common.error.Errors;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.application.port.in.StreamChatUseCase;
import dev.atrium.gateway.application.port.in.StreamChatUseCase.ChatStream;
import dev.atrium.gateway.config.GatewayConfig;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /api/v1/chat/completions} on Vert.x directly: one JSON answer, or server-sent events
 * written as the upstream produces them, with {@code : ATRIUM PROCESSING} comments while waiting.
 * Every answer of the gateway carries {@code X-Request-Id}.
 */
@ApplicationScoped
class ChatCompletionsRoute {

    static final String REQUEST_ID = "X-Request-Id";
    private static final String PROCESSING = ": ATRIUM PROCESSING\n\n";

    private final CompleteChatUseCase completeChat;
    private final StreamChatUseCase streamChat;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final GatewayConfig config;

    ChatCompletionsRoute(CompleteChatUseCase completeChat, StreamChatUseCase streamChat, ObjectMapper json,
            Vertx vertx, GatewayConfig config) {
        this.completeChat = completeChat;
        this.streamChat = streamChat;
        this.json = json;
        this.vertx = vertx;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = ctx.request().getHeader(REQUEST_ID);
            ctx.response().putHeader(REQUEST_ID, id == null || id.isBlank() || id.length() > 128
                    ? "req-" + UUID.randomUUID() : id);
            ctx.next();
        });
        router.post("/api/v1/chat/completions")
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                .handler(this::handle)
                .failureHandler(ctx -> writeError(ctx.response(), ctx.statusCode() == 413
                        ? new ApiException(413, "Request body larger than " + config.maxBodyBytes() + " bytes")
                        : ctx.failure() != null ? ctx.failure() : new ApiException(ctx.statusCode(), "Bad request")));
    }

    private void handle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        CompleteChatCommand command;
        try {
            String apiKey = ApiKeyHeader.read(ctx.request().getHeader("Authorization"));
            command = ChatRequestReader.command(apiKey, parse(ctx));
        } catch (RuntimeException e) {
            writeError(response, e);
            return;
        }
        if (command.request().stream()) {
            streamChat.open(command).subscribe().with(stream -> relay(response, stream), e -> writeError(response, e));
        } else {
            completeChat.complete(command).subscribe().with(answer -> write(response, 200, answer),
                    e -> writeError(response, e));
        }
    }

    private ObjectNode parse(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw ApiException.badRequest("body", "The body must be a JSON object");
        }
        JsonNode body;
        try {
            body = json.readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            throw ApiException.badRequest("body", "Malformed JSON in request body");
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "The body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    /** Headers go out at once; fallback between providers happens behind the processing comments. */
    private void relay(HttpServerResponse response, ChatStream stream) {
        if (response.closed()) {
            return;
        }
        response.setChunked(true).setStatusCode(200)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write(PROCESSING);
        AtomicBoolean started = new AtomicBoolean();
        long keepAlive = vertx.setPeriodic(2_000, id -> {
            if (!started.get() && !response.ended() && !response.closed()) {
                response.write(PROCESSING);
            }
        });
        Cancellable subscription = stream.chunks().subscribe().with(
                chunk -> {
                    started.set(true);
                    if (!response.ended() && !response.closed()) {
                        response.write("data: " + chunk + "\n\n");
                    }
                },
                failure -> {
                    vertx.cancelTimer(keepAlive);
                    if (!response.ended() && !response.closed()) {
                        response.write("data: " + errorChunk(stream, failure) + "\n\n");
                        response.end("data: [DONE]\n\n");
                    }
                },
                () -> {
                    vertx.cancelTimer(keepAlive);
                    if (!response.ended() && !response.closed()) {
                        response.end("data: [DONE]\n\n");
                    }
                });
        // A client that leaves cancels the upstream call; what was generated is still recorded.
        response.closeHandler(v -> {
            vertx.cancelTimer(keepAlive);
            subscription.cancel();
        });
    }

    /** After the stream started the status stays 200: the error travels in a chunk, as OpenRouter does. */
    private String errorChunk(ChatStream stream, Throwable failure) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", stream.generationId()).put("object", "chat.completion.chunk")
                .put("created", System.currentTimeMillis() / 1000).put("model", stream.model());
        int status = failure instanceof ApiException api ? api.status() : 502;
        String message = failure instanceof ApiException ? failure.getMessage()
                : "The provider failed mid-stream: " + failure.getMessage();
        chunk.putObject("error").put("code", status).put("message", message);
        chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", "error").putObject("delta");
        return chunk.toString();
    }

    private void write(HttpServerResponse response, int status, Object body) {
        if (response.ended() || response.closed()) {
            return;
        }
        try {
            response.setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }

    private void writeError(HttpServerResponse response, Throwable failure) {
        ErrorBody body = Errors.body(failure);
        String retryAfter = Errors.retryAfter(body);
        if (retryAfter != null && !response.ended()) {
            response.putHeader("Retry-After", retryAfter);
        }
        write(response, body.error().code(), body);
    }
}
