package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.domain.ChatRequest;
import dev.atrium.workspace.api.KeyContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A workspace with observability destinations hears of each generation once, with its text. */
class ObservedGenerationTest {

    private final Fakes fakes = new Fakes();
    private final ChatCompletionService service = fakes.service(Clock.systemUTC());

    @Test
    void eachGenerationIsObservedOnceWithPromptAndAnswer() {
        fakes.context = observed();
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));

        service.complete(command(false)).await().indefinitely();
        service.open(command(true)).await().indefinitely().chunks().collect().asList().await().indefinitely();

        assertThat(fakes.observed).hasSize(2);
        assertThat(fakes.observed.get(0).prompt()).contains("Hello");
        assertThat(fakes.observed.get(0).completion()).isEqualTo("hello");
        assertThat(fakes.observed.get(0).usage()).isEqualTo(fakes.usage.get(0));
        assertThat(fakes.observed.get(1).completion()).isEqualTo("Hello there");
        assertThat(fakes.observed.get(1).usage().stream()).isTrue();
    }

    @Test
    void aWorkspaceWithoutDestinationsIsNotObserved() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        service.complete(command(false)).await().indefinitely();
        assertThat(fakes.usage).hasSize(1);
        assertThat(fakes.observed).isEmpty();
    }

    private static CompleteChatCommand command(boolean stream) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "openai/gpt-4o-mini");
        body.putArray("messages").addObject().put("role", "user").put("content", "Hello");
        return new CompleteChatCommand(Fakes.KEY, new ChatRequest("openai/gpt-4o-mini", List.of(), stream, null, 5),
                body, ChatRequestReader::read);
    }

    private static KeyContext observed() {
        KeyContext k = Fakes.CONTEXT;
        return new KeyContext(k.keyId(), k.keyName(), k.ownerUserId(), k.limit(), k.limitReset(),
                k.includeByokInLimit(), k.workspaceId(), k.workspaceSlug(), k.organizationId(), k.defaultTextModel(),
                k.defaultProviderSort(), k.settingsRevision(), List.of(), Map.of(), List.of(),
                List.of(new KeyContext.ObservabilityDestination("webhook", "http://127.0.0.1:1/hook", 1.0, false)));
    }
}
