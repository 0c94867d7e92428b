package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.application.port.in.ListRevisionsQuery.RevisionsRequest;
import dev.atrium.guardrail.application.port.in.SetPolicyUseCase.SetPolicyCommand;
import dev.atrium.guardrail.domain.policy.FieldChange;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyRevision;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final InMemoryStores store = new InMemoryStores();
    private final PolicyService service = new PolicyService(store, store, new LevelPolicies(store, store),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anUnwrittenPolicyIsEmptyAtRevisionZero() {
        var none = service.policy(PolicyScope.organization("org_1"));
        assertThat(none.revision()).isZero();
        assertThat(none.document()).isEqualTo(PolicyDocument.EMPTY);
    }

    @Test
    void everyWriteIsANumberedRevisionPerLevelWithItsChanges() {
        set(PolicyScope.organization("org_1"), 4096);
        set(PolicyScope.workspace("ws_1"), 1000);
        var second = set(PolicyScope.organization("org_1"), 2048);

        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.updatedBy()).isEqualTo("alice");
        assertThat(second.updatedAt()).isEqualTo(NOW);
        assertThat(service.policy(PolicyScope.workspace("ws_1")).revision()).isEqualTo(1);
        assertThat(store.revisions).extracting(PolicyRevision::number).containsExactly(1L, 1L, 2L);
        assertThat(store.revisions.get(2).changes()).containsExactly(new FieldChange("max_tokens", 4096, 2048));
    }

    @Test
    void revisionsOfAWorkspaceIncludeItsOrganizationsNewestFirst() {
        set(PolicyScope.organization("org_1"), 4096);
        set(PolicyScope.organization("org_2"), 10);
        set(PolicyScope.workspace("ws_1"), 1000);
        var page = service.revisions(RevisionsRequest.of("org_1", "ws_1", null, 1));
        assertThat(page.revisions()).extracting(r -> r.scope().id()).containsExactly("ws_1");
        var next = service.revisions(RevisionsRequest.of("org_1", "ws_1", page.nextCursor(), 10));
        assertThat(next.revisions()).extracting(r -> r.scope().id()).containsExactly("org_1");
        assertThat(next.nextCursor()).isNull();
    }

    @Test
    void aPageSizeOutOfRangeNamesTheLimitField() {
        assertThatThrownBy(() -> RevisionsRequest.of("org_1", "ws_1", null, 0))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("limit");
    }

    @Test
    void everyWriteAnnouncesItsRevisionKeyedByItsOrganization() {
        set(PolicyScope.organization("org_1"), 4096);
        set(PolicyScope.member("ws_1", "bob"), 1000);
        set(PolicyScope.member("ws_1", "bob"), 500);

        assertThat(store.published).extracting(InMemoryStores.Published::organizationId)
                .containsExactly("org_1", "org_1", "org_1");
        assertThat(store.published).extracting(InMemoryStores.Published::workspaceId)
                .containsExactly(null, "ws_1", "ws_1");
        assertThat(store.published).extracting(p -> p.revision().number()).containsExactly(1L, 1L, 2L);
        assertThat(store.published.get(2).revision().changes())
                .containsExactly(new FieldChange("max_tokens", 1000, 500));
    }

    @Test
    void aWriteBelowTheCeilingNamesItsWorkspace() {
        assertThatThrownBy(() -> new SetPolicyCommand("org_1", null, PolicyScope.key("key_1"), PolicyDocument.EMPTY,
                "alice")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.published).isEmpty();
    }

    private dev.atrium.guardrail.domain.policy.StoredPolicy set(PolicyScope scope, int maxTokens) {
        return service.set(PolicyWrites.of(scope, new PolicyDocument(null, null, null, null, null, maxTokens),
                "alice"));
    }
}
