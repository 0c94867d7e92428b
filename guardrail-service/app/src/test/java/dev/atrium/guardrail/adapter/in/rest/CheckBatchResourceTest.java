package dev.atrium.guardrail.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.api.CheckBatch;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch route's own rules, with the check itself faked (BudgetResourceTest runs it on the real database). */
class CheckBatchResourceTest {

    private final List<String> decided = new ArrayList<>();

    /** Allows every key but {@code key_broken}, whose check fails as an unavailable database would make it. */
    private final CheckPolicyUseCase checks = command -> {
        if (command.keyId().equals("key_broken")) {
            throw new IllegalStateException("connection pool exhausted");
        }
        decided.add(command.keyId());
        return new CheckResult(true, 200, null, null, "res_" + command.keyId(), "org:0");
    };

    private final InternalResource resource = new InternalResource(checks, null, null, null, null, null,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    private static CheckRequest check(String key) {
        return new CheckRequest("org_1", "ws_1", key, null, List.of("openai/gpt-4o-mini"), 10, 16);
    }

    @Test
    void aCheckThatFailsIsAnswered503AloneAndTheOthersKeepTheirResults() {
        List<CheckResult> results = resource.checkBatch(new CheckBatch(List.of(check("key_a"), check("key_broken"),
                check("key_b")))).results();

        assertThat(decided).containsExactly("key_a", "key_b");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).reservationId()).isEqualTo("res_key_a");
        assertThat(results.get(1).allowed()).isFalse();
        assertThat(results.get(1).status()).isEqualTo(503);
        assertThat(results.get(2).reservationId()).isEqualTo("res_key_b");
    }

    @Test
    void aMalformedCheckIsNamedAndNoneIsDecided() {
        CheckRequest noWorkspace = new CheckRequest("org_1", null, "key_b", null, List.of("m"), 10, 16);
        assertThatThrownBy(() -> resource.checkBatch(new CheckBatch(List.of(check("key_a"), noWorkspace))))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("checks[1].workspace_id"));
        assertThat(decided).isEmpty();
    }
}
