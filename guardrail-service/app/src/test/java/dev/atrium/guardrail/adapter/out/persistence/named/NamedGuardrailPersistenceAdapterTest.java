package dev.atrium.guardrail.adapter.out.persistence.named;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase.BulkCommand;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase.CreateCommand;
import dev.atrium.guardrail.application.named.NamedGuardrailRepository;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.content.FilterAction;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.policy.Level;
import dev.atrium.guardrail.domain.named.AppliedGuardrail;
import dev.atrium.guardrail.domain.named.BuiltinFilter;
import dev.atrium.guardrail.domain.named.GuardrailBudget;
import dev.atrium.guardrail.domain.named.GuardrailRules;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.named.Zdr;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named guardrails on PostgreSQL: every rule reads back as written, assignments upsert, deletion cascades. */
@QuarkusTest
class NamedGuardrailPersistenceAdapterTest {

    @Inject
    NamedGuardrailRepository repository;

    @Inject
    ManageNamedGuardrailsUseCase manage;

    @Inject
    TenancyRepository tenancy;

    @Test
    void everyRuleReadsBackAsWrittenAndTheDefaultTheMembersAndTheKeysApplyInOneRead() {
        GuardrailRules rules = new GuardrailRules(List.of("openai/*"), List.of("openai/gpt-4o"), List.of("openai"),
                List.of("deepinfra"), List.of("europe", "us"), new Zdr(null, true, false, null, null, null), false,
                null, true, List.of(new ContentFilter(null, "project-[0-9]+", FilterAction.BLOCK, "projects")),
                List.of(new BuiltinFilter(Builtin.PROMPT_INJECTION, FilterAction.FLAG, null, "user_only")),
                new GuardrailBudget(new BigDecimal("12.5"), BudgetWindow.WEEKLY, true));
        NamedGuardrail created = manage.create(new CreateCommand("org_pg", null, "Everything", "all of it", rules,
                "alice"));

        NamedGuardrail read = repository.find("org_pg", created.id()).orElseThrow();
        assertThat(read.rules()).isEqualTo(rules);
        assertThat(read.name()).isEqualTo("Everything");
        assertThat(read.description()).isEqualTo("all of it");
        assertThat(read.workspaceId()).isNull();
        assertThat(read.revision()).isEqualTo(1);
        assertThat(read.createdAt()).isEqualTo(created.createdAt());
        assertThat(repository.find("org_other_pg", created.id())).isEmpty();

        NamedGuardrail member = manage.create(new CreateCommand("org_pg", null, "Member", null, GuardrailRules.NONE,
                "alice"));
        NamedGuardrail key = manage.create(new CreateCommand("org_pg", null, "Key", null, GuardrailRules.NONE,
                "alice"));
        QuarkusTransaction.requiringNew().run(() -> tenancy.saveKey(
                new KnownKey("key_pg", "ws_pg", "org_pg", "user_pg", null, null, false)));
        manage.setDefault("org_pg", "ws_pg", created.id(), "alice");
        manage.assignMembers(new BulkCommand("org_pg", member.id(), List.of("user_pg"), "member_user_ids", "alice"));
        manage.assignKeys(new BulkCommand("org_pg", key.id(), List.of("key_pg"), "key_hashes", "alice"));

        List<AppliedGuardrail> applied = repository.applying("org_pg", "ws_pg", "user_pg", "key_pg");
        assertThat(applied).extracting(a -> a.guardrail().name() + "@" + a.appliedAt())
                .containsExactlyInAnyOrder("Everything@" + Level.WORKSPACE, "Member@" + Level.MEMBER,
                        "Key@" + Level.KEY);
        assertThat(repository.applying("org_pg", "ws_pg", null, null)).extracting(a -> a.guardrail().id())
                .containsExactly(created.id());
        // Another organization's request never meets them, whatever ids it names.
        assertThat(repository.applying("org_elsewhere_pg", "ws_pg", "user_pg", "key_pg")).isEmpty();
    }

    @Test
    void aKeyHoldsOneGuardrailAssignmentsCountOnlyChangesAndDeletionTakesThemAlong() {
        QuarkusTransaction.requiringNew().run(() -> tenancy.saveKey(
                new KnownKey("key_swap", "ws_swap", "org_swap", null, null, null, false)));
        NamedGuardrail first = manage.create(new CreateCommand("org_swap", null, "First", null, GuardrailRules.NONE,
                "alice"));
        NamedGuardrail second = manage.create(new CreateCommand("org_swap", null, "Second", null,
                GuardrailRules.NONE, "alice"));

        assertThat(manage.assignKeys(bulk(first, "key_swap"))).isEqualTo(1);
        assertThat(manage.assignKeys(bulk(first, "key_swap"))).isEqualTo(0);
        assertThat(manage.assignKeys(bulk(second, "key_swap"))).isEqualTo(1);
        assertThat(repository.keyAssignments("org_swap", first.id(), 0, 50).total()).isZero();
        assertThat(repository.keyAssignments("org_swap", second.id(), 0, 50).items())
                .extracting(a -> a.keyId() + "/" + a.assignedBy()).containsExactly("key_swap/alice");
        assertThat(manage.unassignKeys(bulk(first, "key_swap"))).isEqualTo(0);
        manage.setDefault("org_swap", "ws_swap", second.id(), "alice");

        manage.delete("org_swap", second.id());
        assertThat(repository.keyAssignments("org_swap", null, 0, 50).total()).isZero();
        assertThat(repository.defaultOf("ws_swap")).isEmpty();
        assertThat(repository.applying("org_swap", "ws_swap", null, "key_swap")).isEmpty();
        assertThat(repository.list("org_swap", null, 0, 50).items()).extracting(NamedGuardrail::name)
                .containsExactly("First");
    }

    private static BulkCommand bulk(NamedGuardrail g, String key) {
        return new BulkCommand(g.organizationId(), g.id(), List.of(key), "key_hashes", "alice");
    }
}
