package dev.atrium.local.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;

/**
 * Answers one protocol's completion requests: authenticate, validate, log, then apply the
 * provider's behaviour (hang, latency, forced status, random failure, pacing) before answering.
 */
final class CompletionEndpoint {

    private final Protocol protocol;
    private final ProviderBehaviours behaviours;
    private final RequestLog log;
    private final TextGenerator generator;
    private final ObjectMapper json;
    private final Clock clock;

    CompletionEndpoint(Protocol protocol, ProviderBehaviours behaviours, RequestLog log, ObjectMapper json,
                       Clock clock) {
        this.protocol = protocol;
        this.behaviours = behaviours;
        this.log = log;
        this.generator = new TextGenerator();
        this.json = json;
        this.clock = clock;
    }

    void handle(HttpExchange exchange, String provider) throws IOException {
        String credential = protocol.credential(exchange.getRequestHeaders());
        if (credential == null) {
            fail(exchange, 401, protocol.missingCredentialMessage());
            return;
        }
        CompletionRequest request;
        try {
            JsonNode body = Exchanges.readJson(exchange, json);
            request = protocol.parse(provider, body);
        } catch (InvalidRequest e) {
            fail(exchange, 400, e.getMessage());
            return;
        }
        // Logged before any fault, so that tests see every attempt a gateway made, failed ones too.
        log.record(RecordedRequest.of(request, protocol.name(), credential, clock.instant()));

        ProviderBehaviour behaviour = behaviours.awaitAnswerable(provider);
        Pause.millis(behaviour.latencyMs());
        if (behaviour.status() != null) {
            fail(exchange, behaviour.status(), "Simulated failure: provider " + provider
                    + " is set to answer " + behaviour.status() + ".");
            return;
        }
        if (behaviour.failsNow()) {
            fail(exchange, 500, "Simulated failure: provider " + provider + " failed at random (error_rate "
                    + behaviour.errorRate() + ").");
            return;
        }
        Completion completion = generator.complete(request, behaviour.completionTokens(), behaviour.ignoreMaxTokens());
        if (request.stream()) {
            EventStream.send(exchange, protocol.frames(request, completion), behaviour);
        } else {
            // A real provider takes as long to write an unstreamed answer as a streamed one.
            Pause.until(System.nanoTime() + completion.completionTokens() * behaviour.nanosPerToken());
            Exchanges.sendJson(exchange, 200, protocol.answer(request, completion), json);
        }
    }

    private void fail(HttpExchange exchange, int status, String message) throws IOException {
        if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        Exchanges.sendJson(exchange, status, protocol.error(status, message), json);
    }
}
