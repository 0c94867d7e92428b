package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.application.named.InMemoryNamedGuardrails;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase.BulkCommand;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase.CreateCommand;
import dev.atrium.guardrail.application.named.NamedGuardrailService;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase.CheckCommand;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.named.GuardrailBudget;
import dev.atrium.guardrail.domain.named.GuardrailRules;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.named.Zdr;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import dev.atrium.local.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named guardrails in the check: composed under the ceiling like level policies, budgets never merged. */
class NamedGuardrailCheckTest {

    private static final String MODEL = "openai/gpt-4o-mini";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final InMemoryStores store = new InMemoryStores();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final InMemoryNamedGuardrails named = new InMemoryNamedGuardrails();
    private final LevelPolicies levels = new LevelPolicies(store, store, named);
    private final PolicyService policies = new PolicyService(store, store, levels, clock);
    private final NamedGuardrailService guardrails = new NamedGuardrailService(named, store, levels, clock);
    private final CheckService checks = new CheckService(levels, ledger,
            new PriceService(ledger, ledger, Runnable::run, clock), InMemoryLedger.config(4096), clock);
    private final EffectivePolicyService effective = new EffectivePolicyService(levels, ledger, clock);

    NamedGuardrailCheckTest() {
        // $0.10 worst case for 1000 completion tokens and no prompt.
        ledger.price(MODEL, "openai", "0.000001", "0.0001", 16384);
        ledger.price("openai/gpt-4o", "openai", "0.000001", "0.0001", 16384);
        ledger.price("anthropic/claude-3.5-haiku", "anthropic", "0.000001", "0.0001", 16384);
        store.saveWorkspace(new KnownWorkspace("ws_1", "org_1"));
        store.saveKey(new KnownKey("key_1", "ws_1", "org_1", "user_1", null, null, false));
        store.saveKey(new KnownKey("key_2", "ws_1", "org_1", "user_2", null, null, false));
        ledger.updateBalance("org_1", new BigDecimal("1000"), 0);
    }

    @Test
    void aGuardrailOnAKeyDeniesAModelTheWorkspaceAllowsAndTheDenialNamesIt() {
        policies.set(PolicyWrites.of(PolicyScope.workspace("ws_1"), allow("openai/*"), "admin"));
        NamedGuardrail mini = create("Mini only", rules(List.of(MODEL), null, GuardrailBudget.NONE));
        guardrails.assignKeys(new BulkCommand("org_1", mini.id(), List.of("key_1"), "key_hashes", "admin"));

        CheckResult denied = check("key_1", "user_1", "openai/gpt-4o");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.message())
                .isEqualTo("Model openai/gpt-4o is not allowed by the guardrail \"Mini only\"'s allowed_models");
        assertThat(check("key_1", "user_1", MODEL).status()).isEqualTo(200);
        // Another key of the workspace is not governed by it.
        assertThat(check("key_2", "user_2", "openai/gpt-4o").status()).isEqualTo(200);
        assertThat(denied.policyRevision()).isEqualTo("org:0,ws:1,gr." + mini.id().substring(0, 8) + ":1");
    }

    @Test
    void theCeilingStillWinsOverAGuardrailThatAllowsMore() {
        policies.set(PolicyWrites.of(PolicyScope.organization("org_1"), allow("openai/*"), "admin"));
        NamedGuardrail wide = create("Wide", rules(List.of("openai/*", "anthropic/*"), null, GuardrailBudget.NONE));
        guardrails.assignKeys(new BulkCommand("org_1", wide.id(), List.of("key_1"), "key_hashes", "admin"));

        CheckResult denied = check("key_1", "user_1", "anthropic/claude-3.5-haiku");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.message()).isEqualTo(
                "Model anthropic/claude-3.5-haiku is not allowed by the organization's allowed_models");
        CheckResult allowed = check("key_1", "user_1", MODEL);
        assertThat(allowed.constraints().allowedModels()).containsExactly("openai/*");

        var view = effective.effective("org_1", "ws_1", "key_1");
        assertThat(view.policy().deciders(PolicyDocument.ALLOWED_MODELS))
                .containsExactly("organization", "guardrail:" + wide.id());
        assertThat(view.policy().overridden()).singleElement().satisfies(o -> {
            assertThat(o.source()).isEqualTo("guardrail:" + wide.id());
            assertThat(o.requested()).isEqualTo(List.of("openai/*", "anthropic/*"));
            assertThat(o.applied()).isEqualTo(List.of("openai/*"));
        });
    }

    @Test
    void twoGuardrailsBudgetsAreEachCheckedOnTheirOwn() {
        NamedGuardrail perKey = create("Per key", rules(null, null, daily("0.45")));
        NamedGuardrail team = create("Team", rules(null, null, daily("0.25")));
        guardrails.assignKeys(new BulkCommand("org_1", perKey.id(), List.of("key_1"), "key_hashes", "admin"));
        guardrails.assignMembers(new BulkCommand("org_1", team.id(), List.of("user_1"), "member_user_ids", "admin"));

        assertThat(check("key_1", "user_1", MODEL).status()).isEqualTo(200);
        assertThat(check("key_1", "user_1", MODEL).status()).isEqualTo(200);
        CheckResult third = check("key_1", "user_1", MODEL);
        assertThat(third.status()).isEqualTo(402);
        assertThat(third.message()).isEqualTo("Guardrail \"Team\" (member) daily budget of $0.25 exceeded.");

        // The member's budget raised, the key's own guardrail budget still holds at 4 worst cases of $0.10.
        guardrails.update("org_1", team.id(), g -> g.revise(g.name(), null, rules(null, null, daily("5")), null));
        assertThat(check("key_1", "user_1", MODEL).status()).isEqualTo(200);
        assertThat(check("key_1", "user_1", MODEL).status()).isEqualTo(200);
        CheckResult fifth = check("key_1", "user_1", MODEL);
        assertThat(fifth.status()).isEqualTo(402);
        assertThat(fifth.message()).isEqualTo("Guardrail \"Per key\" (key) daily budget of $0.45 exceeded.");
    }

    @Test
    void aGuardrailBudgetIsPerEntityNotSharedByTheKeysItIsAssignedTo() {
        NamedGuardrail perKey = create("Per key", rules(null, null, daily("0.15")));
        guardrails.assignKeys(new BulkCommand("org_1", perKey.id(), List.of("key_1", "key_2"), "key_hashes",
                "admin"));

        assertThat(check("key_1", "user_1", MODEL).status()).isEqualTo(200);
        assertThat(check("key_1", "user_1", MODEL).status()).isEqualTo(402);
        assertThat(check("key_2", "user_2", MODEL).status()).isEqualTo(200);
    }

    @Test
    void theWorkspaceDefaultGuardrailAppliesToKeysWithoutOneAndWithOne() {
        NamedGuardrail openaiOnly = create("OpenAI only", rules(null, List.of("anthropic/*"), GuardrailBudget.NONE));
        NamedGuardrail own = create("Own", rules(null, null, GuardrailBudget.NONE));
        guardrails.assignKeys(new BulkCommand("org_1", own.id(), List.of("key_1"), "key_hashes", "admin"));
        guardrails.setDefault("org_1", "ws_1", openaiOnly.id(), "admin");

        CheckResult unassigned = check("key_2", "user_2", "anthropic/claude-3.5-haiku");
        assertThat(unassigned.status()).isEqualTo(403);
        assertThat(unassigned.message()).isEqualTo(
                "Model anthropic/claude-3.5-haiku is excluded by the guardrail \"OpenAI only\"'s ignored_models");
        assertThat(check("key_1", "user_1", "anthropic/claude-3.5-haiku").status()).isEqualTo(403);

        guardrails.setDefault("org_1", "ws_1", null, "admin");
        assertThat(check("key_2", "user_2", "anthropic/claude-3.5-haiku").status()).isEqualTo(200);
    }

    @Test
    void aDeletedGuardrailNoLongerApplies() {
        NamedGuardrail zdr = create("ZDR", new GuardrailRules(null, List.of("openai/gpt-4o"), null, null, null,
                new Zdr(null, true, null, null, null, null), null, false, null, null, null, GuardrailBudget.NONE));
        guardrails.assignKeys(new BulkCommand("org_1", zdr.id(), List.of("key_1"), "key_hashes", "admin"));
        CheckResult governed = check("key_1", "user_1", MODEL);
        assertThat(governed.constraints().zdrRequired()).isTrue();
        assertThat(governed.constraints().denyDataCollection()).isTrue();
        assertThat(check("key_1", "user_1", "openai/gpt-4o").status()).isEqualTo(403);

        guardrails.delete("org_1", zdr.id());
        CheckResult free = check("key_1", "user_1", "openai/gpt-4o");
        assertThat(free.status()).isEqualTo(200);
        assertThat(free.constraints().zdrRequired()).isFalse();
    }

    private NamedGuardrail create(String name, GuardrailRules rules) {
        return guardrails.create(new CreateCommand("org_1", null, name, null, rules, "admin"));
    }

    private static GuardrailRules rules(List<String> allowedModels, List<String> ignoredModels,
            GuardrailBudget budget) {
        return new GuardrailRules(allowedModels, ignoredModels, null, null, null, Zdr.NONE, null, null, null, null,
                null, budget);
    }

    private static GuardrailBudget daily(String limit) {
        return new GuardrailBudget(new BigDecimal(limit), BudgetWindow.DAILY, false);
    }

    private static PolicyDocument allow(String... models) {
        return new PolicyDocument(List.of(models), null, null, null, null, null);
    }

    private CheckResult check(String key, String owner, String model) {
        return checks.check(CheckCommand.of(new CheckRequest("org_1", "ws_1", key, owner, List.of(model), 0, 1000,
                null)));
    }
}
