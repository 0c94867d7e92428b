package dev.atrium.gateway.adapter.in.rest.warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.core.http.HttpServerRequest;
import java.io.IOException;

/**
 * The provider of the warm-up's rehearsals (ADR 0032): an OpenAI-compatible {@code POST /v1/chat/completions} on a
 * free loopback port of this process, answering a short completion or stream without generating anything, so
 * that the provider client's real request and answer reading run before readiness and no provider is asked.
 * It listens only while the warm-up runs.
 */
final class InProcessProvider {

    private final ObjectMapper json;
    private HttpServer server;

    InProcessProvider(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Listens; answers its base URL, as a candidate names one. Under {@code /rehearsal}, which the HTTP server
     * metrics ignore (application.properties), and not traced, so neither a client's metrics nor traces show it.
     */
    Uni<String> start(Vertx vertx) {
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setTracingPolicy(TracingPolicy.IGNORE))
                .requestHandler(this::answer).listen().map(listening -> {
                    server = listening;
                    return "http://127.0.0.1:" + listening.actualPort() + "/rehearsal";
                });
    }

    Uni<Void> stop() {
        return server == null ? Uni.createFrom().voidItem() : server.close();
    }

    private void answer(HttpServerRequest request) {
        if (!request.path().equals("/rehearsal/v1/chat/completions")) {
            request.response().setStatusCode(404).endAndForget();
            return;
        }
        request.body().subscribe().with(body -> {
            JsonNode asked;
            try {
                asked = json.readTree(body.getBytes());
            } catch (IOException e) {
                request.response().setStatusCode(400).endAndForget();
                return;
            }
            String model = asked.path("model").asText("rehearsal");
            if (asked.path("stream").asBoolean()) {
                ObjectNode role = chunk(model);
                role.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                        .put("role", "assistant").put("content", "");
                ObjectNode text = chunk(model);
                text.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                        .put("content", "rehearsal");
                ObjectNode finish = chunk(model);
                finish.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                        .putObject("delta");
                ObjectNode usage = chunk(model);
                usage.putArray("choices");
                usage.set("usage", usage());
                StringBuilder events = new StringBuilder();
                for (ObjectNode chunk : new ObjectNode[] {role, text, finish, usage}) {
                    events.append("data: ").append(chunk).append("\n\n");
                }
                request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                        .endAndForget(events.append("data: [DONE]\n\n").toString());
            } else {
                ObjectNode answer = json.createObjectNode().put("id", "chatcmpl-rehearsal")
                        .put("object", "chat.completion").put("created", 0).put("model", model);
                answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                        .putObject("message").put("role", "assistant").put("content", "rehearsal");
                answer.set("usage", usage());
                request.response().putHeader("Content-Type", "application/json").endAndForget(answer.toString());
            }
        }, failure -> request.response().setStatusCode(500).endAndForget());
    }

    private ObjectNode chunk(String model) {
        return json.createObjectNode().put("id", "chatcmpl-rehearsal").put("object", "chat.completion.chunk")
                .put("created", 0).put("model", model);
    }

    private ObjectNode usage() {
        return json.createObjectNode().put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
    }
}
