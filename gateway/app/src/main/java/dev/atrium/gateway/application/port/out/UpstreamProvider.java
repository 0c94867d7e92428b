package dev.atrium.gateway.application.port.out;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.routing.api.Candidate;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Calls one candidate endpoint in its own protocol and answers in OpenAI shape. */
public interface UpstreamProvider {

    /** @param byokKey the workspace's own key for the candidate's provider; null for the platform's credentials */
    Uni<UpstreamAnswer> complete(Candidate candidate, ObjectNode openAiBody, String byokKey);

    /**
     * Opens a streamed completion. The answer arrives once the upstream answered with a status;
     * for 200, {@code chunks} are OpenAI {@code chat.completion.chunk} objects (the last one with
     * {@code usage}) and cancelling them aborts the upstream request.
     */
    Uni<UpstreamStream> stream(Candidate candidate, ObjectNode openAiBody, String byokKey);

    /**
     * Opens a pooled connection to the candidate's provider, for answers and for streams, with a request that
     * generates nothing and costs nothing (its model list), so that a first request does not pay the connection
     * (the warm-up before readiness). Whatever the provider answers, or a failure, completes it.
     */
    default Uni<Void> connect(Candidate candidate) {
        return Uni.createFrom().voidItem();
    }

    /**
     * @param status 0 when no HTTP answer arrived (connection error, timeout)
     * @param body   the OpenAI-shaped answer when {@code status} is 200, else the error body if any
     */
    record UpstreamAnswer(int status, ObjectNode body, String error, long latencyMs) {

        public boolean ok() {
            return status == 200 && body != null;
        }
    }

    record UpstreamStream(int status, String error, Multi<ObjectNode> chunks, long latencyMs) {

        public boolean ok() {
            return status == 200 && chunks != null;
        }
    }
}
