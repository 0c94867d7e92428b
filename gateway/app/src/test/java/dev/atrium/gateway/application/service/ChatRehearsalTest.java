package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.RoutePlan;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request path rehearsed before readiness (ADR 0032): the client's code runs, and nothing is counted, held,
 * charged, recorded, reported or sent to a planned provider.
 */
class ChatRehearsalTest {

    private static final String IN_PROCESS = "http://127.0.0.1:40999";

    private final Fakes fakes = new Fakes();
    private final ChatRehearsal rehearsal = new ChatRehearsal(fakes, fakes, fakes, fakes, fakes, Clock.systemUTC(),
            Duration.ofSeconds(30), Duration.ofSeconds(300));

    @BeforeEach
    void aPlanOfTwoProvidersAndAMadeUpOrganizationsRefusal() {
        Candidate anthropic = new Candidate("openai/gpt-4o-mini", "anthropic", "claude", "https://api.anthropic.com",
                "anthropic", Fakes.candidate("x", "0.1", "0.1", false).price(),
                Fakes.candidate("x", "0.1", "0.1", false).dataPolicy(), null, 128000, 16384, true);
        fakes.candidates = List.of(anthropic, Fakes.candidate("openai", "0.00000015", "0.0000006", false));
        // what guardrail answers a dry run for an organization it does not know: no credit
        fakes.verdict = CheckResult.deny(402, "Insufficient credits", "org:0");
    }

    @Test
    void anAnswerIsRehearsedAtTheInProcessProviderWithNothingCountedRecordedOrReported() {
        ObjectNode answer = rehearsal.complete(command(false), IN_PROCESS).await().indefinitely();

        assertThat(answer.path("id").asText()).startsWith("gen-");
        assertThat(answer.path("usage").path("cost").decimalValue()).isGreaterThan(BigDecimal.ZERO);
        assertNothingCountedAndTheProviderAskedInProcess();
    }

    @Test
    void aStreamIsRehearsedAtTheInProcessProviderWithNothingCountedRecordedOrReported() {
        List<ObjectNode> chunks = rehearsal.open(command(true), IN_PROCESS)
                .chain(stream -> stream.chunks().collect().asList()).await().indefinitely();

        assertThat(chunks.get(chunks.size() - 1).path("usage").path("cost").decimalValue())
                .isGreaterThan(BigDecimal.ZERO);
        assertNothingCountedAndTheProviderAskedInProcess();
    }

    @Test
    void laterRehearsalsReuseRoutingsPlanAsAClientsRequestsWould() {
        fakes.reuse = new RoutePlan.Reuse(1000, List.of(new RoutePlan.Balanced(0, List.of(1.0, 1.0))));
        for (int i = 0; i < 3; i++) {
            rehearsal.complete(command(false), IN_PROCESS).await().indefinitely();
        }

        assertThat(fakes.plansAsked).isEqualTo(1);
        assertThat(fakes.asked).hasSize(3).allSatisfy(c -> assertThat(c.baseUrl()).isEqualTo(IN_PROCESS));
        assertThat(fakes.usage).isEmpty();
    }

    @Test
    void aProviderOffLoopbackIsRefusedBeforeAnythingIsAsked() {
        assertThatThrownBy(() -> rehearsal.complete(command(false), "https://api.openai.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rehearsal.open(command(true), "http://127.0.0.1.example.com"))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(fakes.checks).isEmpty();
        assertThat(fakes.plansAsked).isZero();
        assertThat(fakes.asked).isEmpty();
    }

    @Test
    void aGuardrailThatDoesNotAnswerStillLetsTheRestOfThePathRun() {
        Fakes failing = new Fakes();
        failing.checkDown = true;
        failing.candidates = fakes.candidates;
        ObjectNode answer = new ChatRehearsal(failing, failing, failing, failing, failing, Clock.systemUTC(),
                Duration.ofSeconds(30), Duration.ofSeconds(300)).complete(command(false), IN_PROCESS)
                .await().indefinitely();

        assertThat(answer.path("id").asText()).startsWith("gen-");
        assertThat(failing.usage).isEmpty();
        assertThat(failing.warmedUp).hasSize(1);
    }

    private void assertNothingCountedAndTheProviderAskedInProcess() {
        // the key the command carries is not resolved: a made-up context of a made-up organization and workspace
        assertThat(fakes.checks).singleElement().satisfies(check -> {
            assertThat(check.dryRun()).as("only a dry run: nothing counted or held").isTrue();
            assertThat(check.organizationId()).isNotEqualTo(Fakes.CONTEXT.organizationId());
        });
        assertThat(fakes.lastPlan.workspaceId()).isEqualTo(fakes.checks.get(0).workspaceId());
        // the plan's first candidate answers, at the in-process endpoint in OpenAI's protocol, never its provider
        assertThat(fakes.asked).singleElement().satisfies(candidate -> {
            assertThat(candidate.provider()).isEqualTo("anthropic");
            assertThat(candidate.baseUrl()).isEqualTo(IN_PROCESS);
            assertThat(candidate.protocol()).isEqualTo("openai");
            assertThat(candidate.byok()).isFalse();
        });
        assertThat(fakes.credentials).containsExactly("platform");
        assertThat(fakes.usage).as("no usage record published").isEmpty();
        assertThat(fakes.attempts).as("no provider attempt reported").isEmpty();
        assertThat(fakes.released).isEmpty();
        assertThat(fakes.forgotten).isEmpty();
        assertThat(fakes.warmedUp).as("the usage record serialized, written nowhere").singleElement()
                .satisfies(u -> assertThat(u.organizationId()).isEqualTo(fakes.checks.get(0).organizationId()));
    }

    private static CompleteChatCommand command(boolean streaming) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "openai/gpt-4o-mini")
                .put("max_tokens", 1);
        body.putArray("messages").addObject().put("role", "user").put("content", "warm-up");
        if (streaming) {
            body.put("stream", true);
        }
        return ChatRequestReader.command("sk-not-a-key", body);
    }
}
