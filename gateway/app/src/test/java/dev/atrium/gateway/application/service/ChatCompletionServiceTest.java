package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.domain.ChatRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionServiceTest {

    private final Fakes fakes = new Fakes();
    private final ChatCompletionService service = fakes.service(
            Clock.systemUTC());

    @Test
    void pricesTheAnswerAtTheQuoteAndRecordsUsageOnce() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.00000015", "0.0000006", false));
        ObjectNode answer = complete(Fakes.KEY);

        BigDecimal expected = new BigDecimal("0.00000015").multiply(BigDecimal.valueOf(12))
                .add(new BigDecimal("0.0000006").multiply(BigDecimal.valueOf(34)));
        assertThat(answer.path("id").asText()).startsWith("gen-");
        assertThat(answer.path("provider").asText()).isEqualTo("openai");
        assertThat(answer.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(answer.path("usage").path("cost").decimalValue()).isEqualByComparingTo(expected);
        assertThat(fakes.usage).singleElement().satisfies(u -> {
            assertThat(u.generationId()).isEqualTo(answer.path("id").asText());
            assertThat(u.cost()).isEqualByComparingTo(expected);
            assertThat(u.organizationId()).isEqualTo("org_1");
            assertThat(u.policyRevision()).isEqualTo("org:1,ws:0");
        });
        assertThat(fakes.called).containsExactly("openai:gpt-4o-mini");
    }

    @Test
    void fallsBackToTheNextCandidateOnA5xx() {
        fakes.candidates = List.of(Fakes.candidate("sim-flaky", "0.0000001", "0.0000001", false),
                Fakes.candidate("openai", "0.00000015", "0.0000006", false));
        fakes.failingProviders.put("sim-flaky", 503);
        ObjectNode answer = complete(Fakes.KEY);
        assertThat(answer.path("provider").asText()).isEqualTo("openai");
        assertThat(fakes.attempts).extracting(a -> a.provider() + ":" + a.outcome())
                .containsExactly("sim-flaky:error", "openai:success");
    }

    @Test
    void stopsOnANonRetryableUpstreamError() {
        fakes.candidates = List.of(Fakes.candidate("a", "0.1", "0.1", false), Fakes.candidate("b", "0.1", "0.1", false));
        fakes.failingProviders.put("a", 400);
        assertStatus(() -> complete(Fakes.KEY), 400);
        assertThat(fakes.called).containsExactly("a:gpt-4o-mini");
        assertThat(fakes.usage).isEmpty();
    }

    @Test
    void everyProviderFailingIs502RecordsNoUsageAndReleasesTheReservation() {
        fakes.candidates = List.of(Fakes.candidate("a", "0.1", "0.1", false));
        fakes.failingProviders.put("a", 500);
        fakes.verdict = new CheckResult(true, 200, null,
                new Constraints(List.of(), List.of(), List.of(), List.of(), false, false, null), "res-1", "org:1");
        assertStatus(() -> complete(Fakes.KEY), 502);
        assertThat(fakes.usage).isEmpty();
        assertThat(fakes.released).containsExactly("res-1");
    }

    @Test
    void aServedGenerationKeepsItsReservationForSettlement() {
        fakes.candidates = List.of(Fakes.candidate("a", "0.1", "0.1", false));
        fakes.verdict = new CheckResult(true, 200, null,
                new Constraints(List.of(), List.of(), List.of(), List.of(), false, false, null), "res-2", "org:1");
        complete(Fakes.KEY);
        assertThat(fakes.released).isEmpty();
        assertThat(fakes.usage).singleElement().satisfies(u -> assertThat(u.reservationId()).isEqualTo("res-2"));
    }

    @Test
    void guardrailDenialKeepsItsStatusAndCallsNoProvider() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.verdict = CheckResult.deny(403, "Model openai/gpt-4o-mini is not allowed by the organization", "org:2");
        assertThatThrownBy(() -> complete(Fakes.KEY)).isInstanceOf(ApiException.class)
                .hasMessageContaining("not allowed by the organization")
                .extracting(e -> ((ApiException) e).status()).isEqualTo(403);
        assertThat(fakes.called).isEmpty();
        assertThat(fakes.usage).isEmpty();
    }

    @Test
    void constraintsDropCandidatesBeforeAnyCall() {
        fakes.candidates = List.of(Fakes.candidate("retains", "0.1", "0.1", false),
                Fakes.candidate("zdr-one", "0.2", "0.2", true));
        fakes.verdict = new CheckResult(true, 200, null,
                new Constraints(List.of(), List.of(), List.of(), List.of(), true, false, null), null, "org:1");
        assertThat(complete(Fakes.KEY).path("provider").asText()).isEqualTo("zdr-one");
        assertThat(fakes.called).containsExactly("zdr-one:gpt-4o-mini");
    }

    @Test
    void rateLimitedCarriesRetryAfter() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.verdict = CheckResult.rateLimited("Workspace rate limit of 10 requests per minute reached.", 17, "org:1");
        assertThatThrownBy(() -> complete(Fakes.KEY)).isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).status()).isEqualTo(429);
                    assertThat(((ApiException) e).metadata()).containsEntry("retry_after_seconds", 17);
                });
    }

    @Test
    void theProviderSeesRedactedTextAndTheGuardrailTheWholeText() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        String text = "Hello there";
        fakes.verdict = new CheckResult(true, 200, null,
                new Constraints(List.of(), List.of(), List.of(), List.of(), false, false, null), null, "org:1", null,
                List.of(new dev.atrium.guardrail.api.Redaction("custom", 6, 11, "[X]")), List.of());
        complete(Fakes.KEY);
        assertThat(fakes.lastCheck().text()).isEqualTo(text);
        assertThat(fakes.lastBody.path("messages").get(0).path("content").asText()).isEqualTo("Hello [X]");
    }

    @Test
    void noCandidateLeftIsA503() {
        fakes.candidates = List.of(Fakes.candidate("retains", "0.1", "0.1", false));
        fakes.verdict = new CheckResult(true, 200, null,
                new Constraints(List.of(), List.of(), List.of(), List.of(), true, false, null), null, "org:1");
        assertStatus(() -> complete(Fakes.KEY), 503);
    }

    @Test
    void unknownKeyIs401AndNothingIsPublished() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        assertStatus(() -> complete("sk-at-v1-wrong"), 401);
        assertThat(fakes.usage).isEmpty();
        assertThat(fakes.attempts).isEmpty();
        assertThat(fakes.lastCheck()).isNull();
    }

    private ObjectNode complete(String key) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "openai/gpt-4o-mini");
        body.putArray("messages").addObject().put("role", "user").put("content", "Hello there");
        ChatRequest request = new ChatRequest("openai/gpt-4o-mini", List.of(), false, null, 11);
        return service.complete(new CompleteChatCommand(key, request, body, ChatRequestReader::read)).await().indefinitely();
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(status);
    }
}
