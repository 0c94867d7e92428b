package dev.atrium.gateway.application.port.in;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.application.port.in.StreamChatUseCase.ChatStream;
import io.smallrye.mutiny.Uni;

/**
 * The request path of a chat completion run before readiness, so that a client's first request finds it
 * compiled (docs/adr/0032-request-path-rehearsed-before-ready.md). The same code as a client's request runs,
 * with nothing counted, held, charged, recorded or sent to a provider: a made-up key context (the command's key is
 * not read), routing's plan for a made-up workspace, guardrail's dry-run check, whose verdict is not followed
 * (a made-up organization has no credit), the planned candidate asked at {@code providerBaseUrl}, an endpoint of
 * this process that answers in-process, and the usage record written nowhere. A {@code providerBaseUrl} not on
 * {@code http://127.0.0.1} is refused ({@link IllegalArgumentException}): a rehearsal never reaches a provider.
 */
public interface RehearseChatUseCase {

    /** An answer, as {@link CompleteChatUseCase#complete} gives one. */
    Uni<ObjectNode> complete(CompleteChatCommand command, String providerBaseUrl);

    /** A stream, as {@link StreamChatUseCase#open} gives one. */
    Uni<ChatStream> open(CompleteChatCommand command, String providerBaseUrl);
}
