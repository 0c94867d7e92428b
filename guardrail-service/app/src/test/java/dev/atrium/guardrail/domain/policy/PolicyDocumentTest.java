package dev.atrium.guardrail.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.InvalidFieldException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

    @Test
    void invalidValuesNameTheirField() {
        assertField(() -> new PolicyDocument(null, null, null, null, null, 0), "max_tokens");
        assertField(() -> new PolicyDocument(null, List.of(""), null, null, null, null), "ignored_models");
        assertField(() -> new PolicyDocument(null, null, List.of("a*b"), null, null, null), "allowed_providers");
        assertField(() -> DataCollection.parse("maybe"), "data_policy.data_collection");
    }

    @Test
    void aRevisionNumbersOnAndRecordsWhatChanged() {
        PolicyScope scope = PolicyScope.organization("org_1");
        Instant at = Instant.parse("2026-11-26T12:00:00Z");
        PolicyRevision first = StoredPolicy.none(scope).revise(Policies.maxTokens(4096), at, "alice");
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.changes()).containsExactly(new FieldChange("max_tokens", null, 4096));

        PolicyDocument next = new PolicyDocument(List.of("openai/*"), null, null, null,
                new DataPolicy(true, DataCollection.DENY, null), 2048);
        PolicyRevision second = first.asStored().revise(next, at.plusSeconds(60), "bob");
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.changes()).containsExactly(
                new FieldChange("allowed_models", null, List.of("openai/*")),
                new FieldChange("data_policy.zdr_required", null, true),
                new FieldChange("data_policy.data_collection", null, "deny"),
                new FieldChange("max_tokens", 4096, 2048));
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }
}
