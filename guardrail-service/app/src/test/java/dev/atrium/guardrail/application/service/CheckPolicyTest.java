package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase.CheckCommand;
import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.content.FilterAction;
import dev.atrium.guardrail.domain.policy.DataCollection;
import dev.atrium.guardrail.domain.policy.DataPolicy;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.rate.RateLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final InMemoryStores store = new InMemoryStores();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final PolicyService policies = new PolicyService(store, store, new LevelPolicies(store, store), CLOCK);
    private final CheckService checks = new CheckService(new LevelPolicies(store, store), ledger,
            new PriceService(ledger, ledger, Runnable::run, CLOCK), InMemoryLedger.config(4096), CLOCK);

    {
        // Credits fail closed: the organization needs a known balance before anything is admitted.
        ledger.updateBalance("org_1", new java.math.BigDecimal("1000"), 0);
        // What cannot be priced is refused (503): every model these checks name has a price.
        for (String model : List.of("anthropic/claude-3.5-haiku", "meta/llama-3-70b", "openai/gpt-4o",
                "openai/gpt-4o-mini")) {
            ledger.price(model, "acme", "0.000001", "0.000002", null);
        }
    }

    @Test
    void withoutPoliciesEverythingIsAllowedUnconstrained() {
        CheckResult r = check(8000, "anthropic/claude-3.5-haiku");
        assertThat(r.allowed()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.constraints().allowedModels()).isEmpty();
        assertThat(r.constraints().maxTokens()).isNull();
        assertThat(r.reservationId()).as("the worst case is held against the credit").isNotNull();
        assertThat(r.policyRevision()).isEqualTo("org:0,ws:0");
    }

    @Test
    void aModelOutsideTheCeilingsAllowListIsDeniedNamingTheOrganization() {
        set(PolicyScope.organization("org_1"), doc(List.of("openai/*"), null, null, null));
        CheckResult r = check(null, "anthropic/claude-3.5-haiku");
        assertThat(r.allowed()).isFalse();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message())
                .isEqualTo("Model anthropic/claude-3.5-haiku is not allowed by the organization's allowed_models");
        assertThat(r.constraints()).isNull();
        assertThat(r.policyRevision()).isEqualTo("org:1,ws:0");
    }

    @Test
    void anAllowedModelPassesWithTheEffectiveConstraints() {
        set(PolicyScope.organization("org_1"), doc(List.of("openai/*"), List.of("deepinfra"), null, 4096));
        set(PolicyScope.workspace("ws_1"), new PolicyDocument(null, null, null, null,
                new DataPolicy(true, DataCollection.DENY, null), null));
        set(PolicyScope.workspace("ws_1"), new PolicyDocument(null, List.of("openai/gpt-4o"), null, null,
                new DataPolicy(true, DataCollection.DENY, null), 8000));
        CheckResult r = check(1000, "openai/gpt-4o-mini");
        assertThat(r.allowed()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).isNull();
        var c = r.constraints();
        assertThat(c.allowedModels()).containsExactly("openai/*");
        assertThat(c.ignoredModels()).containsExactly("openai/gpt-4o");
        assertThat(c.ignoredProviders()).containsExactly("deepinfra");
        assertThat(c.zdrRequired()).isTrue();
        assertThat(c.denyDataCollection()).isTrue();
        assertThat(c.maxTokens()).isEqualTo(4096);
        assertThat(r.policyRevision()).isEqualTo("org:1,ws:2");
    }

    @Test
    void oneAllowedModelAmongSeveralIsEnough() {
        set(PolicyScope.organization("org_1"), doc(List.of("openai/*"), null, null, null));
        assertThat(check(null, "anthropic/claude-3.5-haiku", "openai/gpt-4o-mini").allowed()).isTrue();
    }

    @Test
    void aWorkspaceIgnoredModelIsDeniedNamingTheWorkspace() {
        set(PolicyScope.workspace("ws_1"), new PolicyDocument(null, List.of("meta/*"), null, null, null, null));
        CheckResult r = check(null, "meta/llama-3-70b");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("Model meta/llama-3-70b is excluded by the workspace's ignored_models");
    }

    @Test
    void maxTokensAboveTheEffectiveLimitIsDeniedNamingTheDecidingLevel() {
        set(PolicyScope.organization("org_1"), doc(null, null, null, 16000));
        set(PolicyScope.workspace("ws_1"), doc(null, null, null, 4096));
        CheckResult r = check(8000, "openai/gpt-4o-mini");
        assertThat(r.allowed()).isFalse();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("max_tokens 8000 exceeds the workspace's limit of 4096");
        assertThat(check(4096, "openai/gpt-4o-mini").allowed()).isTrue();
    }

    @Test
    void disjointProviderAllowListsDenyEveryRequest() {
        set(PolicyScope.organization("org_1"), new PolicyDocument(null, null, List.of("openai"), null, null, null));
        set(PolicyScope.workspace("ws_1"), new PolicyDocument(null, null, List.of("anthropic"), null, null, null));
        CheckResult r = check(null, "openai/gpt-4o-mini");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("No provider is allowed: the allowed_providers of the organization and the"
                + " workspace have nothing in common");
    }

    @Test
    void aCeilingChangeAppliesToTheNextCheck() {
        assertThat(check(null, "anthropic/claude-3.5-haiku").allowed()).isTrue();
        set(PolicyScope.organization("org_1"), doc(List.of("openai/*"), null, null, null));
        assertThat(check(null, "anthropic/claude-3.5-haiku").allowed()).isFalse();
    }

    @Test
    void anAllowedVerdictSaysHowManyCompletionTokensEachChoiceMayWrite() {
        assertThat(check(1000, "openai/gpt-4o-mini").completionTokens()).isEqualTo(1000);
        assertThat(check(null, "openai/gpt-4o-mini").completionTokens())
                .as("no max_tokens: the model's own maximum or the default").isNotNull().isPositive();
        assertThat(check(null).completionTokens()).as("the model list's check generates nothing").isNull();
    }

    private static PolicyDocument limits(RateLimits limits) {
        return new PolicyDocument(null, null, null, null, null, null, null, limits, null);
    }

    private CheckResult check(Integer maxTokens, String... models) {
        return checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", "key_1", "user_1", List.of(models), 10,
                maxTokens)));
    }

    private void set(PolicyScope scope, PolicyDocument document) {
        policies.set(PolicyWrites.of(scope, document, "admin"));
    }

    private static PolicyDocument doc(List<String> allowedModels, List<String> ignoredProviders,
            List<String> allowedProviders, Integer maxTokens) {
        return new PolicyDocument(allowedModels, null, allowedProviders, ignoredProviders, null, maxTokens);
    }
}
