package dev.atrium.guardrail.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.in.SetPolicyUseCase;
import dev.atrium.guardrail.application.port.in.SetPolicyUseCase.SetPolicyCommand;
import dev.atrium.guardrail.application.port.out.PolicyRepository;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The levels' policies are read in one query; a document is parsed once per revision, yet every read sees the newest. */
@QuarkusTest
class PolicyPersistenceAdapterTest {

    @Inject
    PolicyRepository policies;

    @Inject
    SetPolicyUseCase setPolicy;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRevisionWrittenElsewhereIsReadAtOnceAndAnUnchangedOneIsNotParsedAgain() throws Exception {
        PolicyScope org = PolicyScope.organization("org_cache");
        PolicyScope ws = PolicyScope.workspace("ws_cache");
        setPolicy.set(SetPolicyCommand.organization("org_cache", maxTokens(100), "ops"));

        List<StoredPolicy> first = policies.findAll(List.of(org, ws));
        assertThat(first).extracting(StoredPolicy::revision).containsExactly(1L, 0L);
        assertThat(first.get(0).document().maxTokens()).isEqualTo(100);
        assertThat(first.get(1).document()).isEqualTo(PolicyDocument.EMPTY);
        assertThat(policies.findAll(List.of(org)).get(0)).isSameAs(first.get(0));

        // Another instance writes revision 2 straight into the shared table.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE policy SET document = replace(document, '100', '50'), revision = 2, updated_at = now()"
                        + " WHERE level = 'organization' AND scope_id = 'org_cache'")) {
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        StoredPolicy second = policies.findAll(List.of(ws, org)).get(1);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.document().maxTokens()).isEqualTo(50);
    }

    private static PolicyDocument maxTokens(int maxTokens) {
        return new PolicyDocument(null, null, null, null, null, maxTokens);
    }
}
