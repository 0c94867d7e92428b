package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.PresetDefinition;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Presets, provider preferences, BYOK and the 503 that names why nothing is left, through the service. */
class AdmissionTest {

    private final Fakes fakes = new Fakes();
    private ChatCompletionService service = fakes.service(Clock.systemUTC());

    @Test
    void aPresetShapesTheRequestTheProviderSees() {
        fakes.context = withSettings(Map.of("support", 2), List.of());
        fakes.presets.put("ws_1/support@2", new PresetDefinition("ws_1", "support", 2, "Answer in French.",
                "openai/gpt-4o-mini", Map.of("temperature", 0.1), List.of("temperature"), Map.of()));
        fakes.candidates = List.of(Fakes.candidate("openai", "0.00000015", "0.0000006", false));

        ObjectNode body = body("@preset/support").put("temperature", 0.9);
        ObjectNode answer = complete(body);

        assertThat(answer.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(fakes.lastPlan.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(fakes.lastBody.path("messages").get(0).path("content").asText()).isEqualTo("Answer in French.");
        assertThat(fakes.lastBody.path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(fakes.lastCheck().text()).contains("Answer in French.");
    }

    @Test
    void aPresetTheWorkspaceDoesNotHaveIs400AndNothingIsChecked() {
        assertThatThrownBy(() -> complete(body("@preset/missing"))).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThat(fakes.lastCheck()).isNull();
        assertThat(fakes.usage).isEmpty();
    }

    @Test
    void providerPreferencesReachRoutingMaxPriceConvertedFromPerMillionTokens() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.00000015", "0.0000006", false));
        ObjectNode body = body("openai/gpt-4o-mini").put("temperature", 0.3);
        body.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "lookup");
        ObjectNode provider = body.putObject("provider").put("require_parameters", true);
        provider.putArray("quantizations").add("fp8");
        provider.putObject("max_price").put("prompt", 1).put("completion", new BigDecimal("2.5"));
        complete(body);

        var prefs = fakes.lastPlan.provider();
        assertThat(prefs.quantizations()).containsExactly("fp8");
        assertThat(prefs.requireParameters()).isTrue();
        assertThat(prefs.maxPrice().prompt()).isEqualByComparingTo("0.000001");
        assertThat(prefs.maxPrice().completion()).isEqualByComparingTo("0.0000025");
        assertThat(fakes.lastPlan.parameters()).containsExactlyInAnyOrder("temperature", "tools");
    }

    @Test
    void invalidProviderPreferencesAre400NamingTheField() {
        ObjectNode body = body("openai/gpt-4o-mini");
        body.putObject("provider").putObject("max_price").put("prompt", -1);
        assertThatThrownBy(() -> complete(body)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).metadata())
                        .containsEntry("field", "provider.max_price.prompt"));
        ObjectNode other = body("openai/gpt-4o-mini");
        other.putObject("provider").put("only", "openai");
        assertThatThrownBy(() -> complete(other)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).metadata()).containsEntry("field", "provider.only"));
        assertThat(fakes.lastCheck()).isNull();
    }

    @Test
    void aByokCandidateIsCalledWithTheWorkspacesKeyAndRecordedAsByok() {
        fakes.context = withSettings(Map.of(), List.of(new KeyContext.ByokProvider("openai", false, List.of())));
        fakes.byokKeys.put("ws_1/openai", "sk-workspace-own");
        fakes.candidates = List.of(byok(Fakes.candidate("openai", "0.00000015", "0.0000006", false)),
                Fakes.candidate("openai", "0.00000015", "0.0000006", false));

        ObjectNode answer = complete(body("openai/gpt-4o-mini"));

        assertThat(fakes.lastPlan.byok()).singleElement().satisfies(b -> assertThat(b.provider()).isEqualTo("openai"));
        assertThat(fakes.credentials).containsExactly("sk-workspace-own");
        assertThat(answer.path("usage").path("is_byok").asBoolean()).isTrue();
        assertThat(fakes.usage).singleElement().satisfies(u -> assertThat(u.byok()).isTrue());
    }

    @Test
    void aByokCandidateWhoseKeyIsGoneIsSkippedWithoutCallingIt() {
        fakes.candidates = List.of(byok(Fakes.candidate("openai", "0.00000015", "0.0000006", false)),
                Fakes.candidate("azure", "0.00000015", "0.0000006", false));
        ObjectNode answer = complete(body("openai/gpt-4o-mini"));

        assertThat(answer.path("provider").asText()).isEqualTo("azure");
        assertThat(fakes.credentials).containsExactly("platform");
        assertThat(answer.path("usage").path("is_byok").asBoolean()).isFalse();
        assertThat(fakes.attempts).extracting(a -> a.provider()).containsExactly("azure");
    }

    @Test
    void noCandidateLeftIs503NamingEachExclusionAndReleasesTheReservation() {
        fakes.verdict = new CheckResult(true, 200, null, new Constraints(List.of(), List.of(), List.of(),
                List.of("azure"), false, false, null), "res_1", "org:1");
        fakes.candidates = List.of(Fakes.candidate("azure", "0.00000015", "0.0000006", false));
        fakes.excluded = List.of(new RoutePlan.Exclusion("openai/gpt-4o-mini", "openai", "max_price.prompt"));

        assertThatThrownBy(() -> complete(body("openai/gpt-4o-mini"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("openai (max_price.prompt)")
                .hasMessageContaining("azure (guardrail.ignored_providers)")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
        assertThat(fakes.released).containsExactly("res_1");
        assertThat(fakes.called).isEmpty();
    }

    @Test
    void anEndpointOutsideTheAllowedDataRegionsIsNeverCalled() {
        fakes.verdict = new CheckResult(true, 200, null, new Constraints(List.of(), List.of(), List.of(), List.of(),
                false, false, null, List.of("europe")), null, "org:1");
        fakes.candidates = List.of(inRegion(Fakes.candidate("sim-cheap", "0.00000005", "0.0000002", false), "us"),
                Fakes.candidate("deepseek", "0.00000001", "0.00000002", false),
                inRegion(Fakes.candidate("sim-fast", "0.00000015", "0.0000006", false), "europe"));

        ObjectNode answer = complete(body("openai/gpt-4o-mini"));

        assertThat(answer.path("provider").asText()).isEqualTo("sim-fast");
        assertThat(fakes.called).containsExactly("sim-fast:gpt-4o-mini");
    }

    /** The same answer as when every provider is denied: 503 naming the guardrail field per endpoint. */
    @Test
    void noEndpointInTheAllowedDataRegionsIs503NamingTheFieldAndReleasesTheReservation() {
        fakes.verdict = new CheckResult(true, 200, null, new Constraints(List.of(), List.of(), List.of(), List.of(),
                false, false, null, List.of("europe")), "res_2", "org:1");
        fakes.candidates = List.of(inRegion(Fakes.candidate("sim-cheap", "0.00000005", "0.0000002", false), "us"),
                Fakes.candidate("deepseek", "0.00000001", "0.00000002", false));

        assertThatThrownBy(() -> complete(body("openai/gpt-4o-mini"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("sim-cheap (guardrail.allowed_data_regions)")
                .hasMessageContaining("deepseek (guardrail.allowed_data_regions)")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
        assertThat(fakes.released).containsExactly("res_2");
        assertThat(fakes.called).isEmpty();
    }

    private static Candidate inRegion(Candidate c, String region) {
        return new Candidate(c.model(), c.provider(), c.upstreamModel(), c.baseUrl(), c.protocol(), c.price(),
                c.dataPolicy(), c.quantization(), c.contextLength(), c.maxCompletionTokens(), c.byok(), region);
    }

    /** Explain asks a dry run: the guardrail counts and holds nothing, so there is nothing to release. */
    @Test
    void explainAsksADryRunAndReleasesNothing() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.00000015", "0.0000006", false));
        ObjectNode body = body("openai/gpt-4o-mini");
        new ExplainService(fakes.admission).explain(ChatRequestReader.command(Fakes.KEY, body)).await()
                .indefinitely();
        assertThat(fakes.checks).hasSize(1);
        assertThat(fakes.lastCheck().dryRun()).isTrue();
        assertThat(fakes.released).isEmpty();

        complete(body("openai/gpt-4o-mini"));
        assertThat(fakes.lastCheck().dryRun()).as("a chat completion is checked for real").isFalse();
    }

    private ObjectNode complete(ObjectNode body) {
        return service.complete(ChatRequestReader.command(Fakes.KEY, body))
                .await().indefinitely();
    }

    private static ObjectNode body(String model) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", "Hello there");
        return body;
    }

    private static Candidate byok(Candidate c) {
        return new Candidate(c.model(), c.provider(), c.upstreamModel(), c.baseUrl(), c.protocol(),
                new Price(c.price().prompt(), c.price().completion()), new DataPolicy(false, false, false),
                c.quantization(), c.contextLength(), c.maxCompletionTokens(), true);
    }

    private static KeyContext withSettings(Map<String, Integer> presets, List<KeyContext.ByokProvider> byok) {
        KeyContext k = Fakes.CONTEXT;
        return new KeyContext(k.keyId(), k.keyName(), k.ownerUserId(), k.limit(), k.limitReset(),
                k.includeByokInLimit(), k.workspaceId(), k.workspaceSlug(), k.organizationId(), k.defaultTextModel(),
                k.defaultProviderSort(), k.settingsRevision(), byok, presets, List.of(), List.of());
    }
}
