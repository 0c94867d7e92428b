package dev.atrium.gateway.application.port.in;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.domain.ChatRequest;
import io.smallrye.mutiny.Uni;

public interface CompleteChatUseCase {

    /** The answer in OpenAI shape, with {@code id} (gen-...), {@code provider} and priced {@code usage}. */
    Uni<ObjectNode> complete(CompleteChatCommand command);

    /** @param body the client's JSON body, passed upstream with the model replaced */
    record CompleteChatCommand(String apiKey, ChatRequest request, ObjectNode body) {
    }
}
