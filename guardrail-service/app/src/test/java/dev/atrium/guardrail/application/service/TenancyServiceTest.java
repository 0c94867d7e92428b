package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.KeyLearned;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.OrganizationLearned;
import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.WorkspaceLearned;
import dev.atrium.guardrail.domain.budget.CreditState;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class TenancyServiceTest {

    private final InMemoryStores store = new InMemoryStores();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final TenancyService service = new TenancyService(store, store, new LevelPolicies(store, store), ledger,
            Clock.systemUTC());

    @Test
    void learnsWhichOrganizationAWorkspaceBelongsTo() {
        service.learn(new OrganizationLearned("evt-0", "org.created", "org_1"));
        service.learn(new WorkspaceLearned("evt-1", "ws.created", new KnownWorkspace("ws_1", "org_1")));
        assertThat(service.workspace("ws_1")).contains(new KnownWorkspace("ws_1", "org_1"));
        assertThat(service.workspace("ws_2")).isEmpty();
    }

    @Test
    void aNewOrganizationHasAKnownBalanceOfZeroThatBillingsBalanceReplaces() {
        service.learn(new OrganizationLearned("evt-0", "org.created", "org_1"));
        assertThat(ledger.credit("org_1")).contains(CreditState.NONE);

        assertThat(ledger.updateBalance("org_1", new BigDecimal("100"), 0)).isTrue();
        service.learn(new OrganizationLearned("evt-0b", "org.created", "org_1"));
        assertThat(ledger.credit("org_1").orElseThrow().balance()).isEqualByComparingTo("100");
    }

    @Test
    void aRedeliveredEventIdIsAppliedOnce() {
        KnownKey key = new KnownKey("key_1", "ws_1", "org_1", "u", new BigDecimal("5"), LimitReset.MONTHLY, false);
        service.learn(new KeyLearned("evt-1", "key.created", key));
        service.learn(new KeyLearned("evt-1", "key.created",
                new KnownKey("key_1", "ws_1", "org_1", "u", BigDecimal.ONE, null, true)));
        assertThat(service.key("key_1")).contains(key);
        assertThat(store.processed).containsOnlyKeys("evt-1");
    }

    @Test
    void anEventWithoutItsIdsIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new WorkspaceLearned("evt-1", "ws.created", new KnownWorkspace("ws_1", null)))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("organization_id");
    }
}
