package dev.atrium.gateway.application.port.in;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.domain.ChatRequest;
import io.smallrye.mutiny.Uni;

public interface CompleteChatUseCase {

    /** The answer in OpenAI shape, with {@code id} (gen-...), {@code provider} and priced {@code usage}. */
    Uni<ObjectNode> complete(CompleteChatCommand command);

    /**
     * @param request what the gateway acts on, read from {@code body} by the inbound adapter
     * @param body    the client's JSON body, passed upstream with the model replaced
     * @param reader  that same reading, for the body a preset makes of this one
     */
    record CompleteChatCommand(String apiKey, ChatRequest request, ObjectNode body, Reader reader) {

        /** The command for {@code changed} (a preset applied to this body), read as this one was. */
        public CompleteChatCommand withBody(ObjectNode changed) {
            return new CompleteChatCommand(apiKey, reader.read(changed), changed, reader);
        }
    }

    /** How a chat body is read into a request; refuses a body it cannot read with a 400 naming the field. */
    @FunctionalInterface
    interface Reader {

        ChatRequest read(ObjectNode body);
    }
}
