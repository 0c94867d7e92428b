package dev.atrium.gateway.application.port.in;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

public interface StreamChatUseCase {

    /**
     * Admits the request (key, guardrail, route plan); fails with the client's error status before
     * anything is streamed. The stream then calls the candidates in order, falling back until the
     * first chunk, and always ends with a usage chunk (with {@code cost}) or an error chunk.
     */
    Uni<ChatStream> open(CompleteChatCommand command);

    /** @param model the model the stream is for, named by its chunks (an error chunk too) */
    record ChatStream(String generationId, String model, Multi<ObjectNode> chunks) {
    }
}
