package dev.atrium.gateway.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.ApiException;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CheckBatcherTest {

    /** Guardrail as the batcher sees it: every call is kept, in order, until the test answers it. */
    private static final class Guardrail implements CheckBatcher.Sender {

        /** A call out: its checks, and the emitter of a single or of a batch. */
        private record Out(List<CheckRequest> checks, UniEmitter<? super CheckResult> single,
                UniEmitter<? super List<CheckResult>> batch) {
        }

        final List<List<CheckRequest>> calls = new ArrayList<>();
        private final List<Out> out = new ArrayList<>();

        @Override
        public Uni<CheckResult> one(CheckRequest request) {
            return Uni.createFrom().emitter(e -> {
                calls.add(List.of(request));
                out.add(new Out(List.of(request), e, null));
            });
        }

        @Override
        public Uni<List<CheckResult>> many(List<CheckRequest> requests) {
            return Uni.createFrom().emitter(e -> {
                calls.add(requests);
                out.add(new Out(requests, null, e));
            });
        }

        /** Answers the oldest call still out, allowing every check in it with a reservation named after its key. */
        void answerOldest() {
            Out o = out.remove(0);
            if (o.single() != null) {
                o.single().complete(allowed(o.checks().get(0)));
            } else {
                o.batch().complete(o.checks().stream().map(Guardrail::allowed).toList());
            }
        }

        /** Answers the oldest call, a batch, with these results. */
        void answerOldestBatch(List<CheckResult> results) {
            out.remove(0).batch().complete(results);
        }

        void failOldest(Throwable failure) {
            Out o = out.remove(0);
            if (o.single() != null) {
                o.single().fail(failure);
            } else {
                o.batch().fail(failure);
            }
        }

        boolean oldestIsSingle() {
            return out.get(0).single() != null;
        }

        static CheckResult allowed(CheckRequest r) {
            return new CheckResult(true, 200, null, null, "res_" + r.keyId(), "org:0");
        }
    }

    private final Guardrail guardrail = new Guardrail();
    private final CheckBatcher batcher = new CheckBatcher(guardrail, 1, 3);

    private static CheckRequest check(String org, String key) {
        return new CheckRequest(org, "ws_1", key, null, List.of("openai/gpt-4o-mini"), 10, 16);
    }

    private AtomicReference<Object> ask(String org, String key) {
        AtomicReference<Object> answer = new AtomicReference<>();
        batcher.check(check(org, key)).subscribe().with(answer::set, answer::set);
        return answer;
    }

    @Test
    void aCheckThatFindsNoCallOutGoesAloneAtOnce() {
        var a = ask("org_a", "k1");
        assertThat(guardrail.calls).containsExactly(List.of(check("org_a", "k1")));
        assertThat(guardrail.oldestIsSingle()).isTrue();
        guardrail.answerOldest();
        assertThat(a.get()).isEqualTo(Guardrail.allowed(check("org_a", "k1")));
        assertThat(batcher.lanes()).isZero();
    }

    @Test
    void checksArrivingWhileACallIsOutGoTogetherWhenItComesBackEachAnsweredWithItsOwnResult() {
        var first = ask("org_a", "k1");
        var second = ask("org_a", "k2");
        var third = ask("org_a", "k3");
        assertThat(guardrail.calls).hasSize(1);

        guardrail.answerOldest();
        assertThat(first.get()).isEqualTo(Guardrail.allowed(check("org_a", "k1")));
        assertThat(guardrail.calls).hasSize(2);
        assertThat(guardrail.calls.get(1)).containsExactly(check("org_a", "k2"), check("org_a", "k3"));
        assertThat(second.get()).isNull();

        guardrail.answerOldest();
        assertThat(second.get()).isEqualTo(Guardrail.allowed(check("org_a", "k2")));
        assertThat(third.get()).isEqualTo(Guardrail.allowed(check("org_a", "k3")));
        assertThat(batcher.lanes()).isZero();
    }

    @Test
    void aBatchCarriesAtMostItsLimitAndTheRestGoNext() {
        ask("org_a", "k0");
        List<AtomicReference<Object>> waiting = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            waiting.add(ask("org_a", "k" + i));
        }
        guardrail.answerOldest();
        assertThat(guardrail.calls.get(1)).extracting(CheckRequest::keyId).containsExactly("k1", "k2", "k3");
        guardrail.answerOldest();
        assertThat(guardrail.calls.get(2)).extracting(CheckRequest::keyId).containsExactly("k4", "k5");
        guardrail.answerOldest();
        assertThat(waiting).allSatisfy(w -> assertThat(w.get()).isInstanceOf(CheckResult.class));
    }

    @Test
    void organizationsDoNotWaitForEachOther() {
        ask("org_a", "k1");
        ask("org_b", "k2");
        assertThat(guardrail.calls).containsExactly(List.of(check("org_a", "k1")), List.of(check("org_b", "k2")));
        assertThat(batcher.lanes()).isEqualTo(2);
    }

    @Test
    void aFailedBatchFailsEveryCheckInIt() {
        ask("org_a", "k1");
        var second = ask("org_a", "k2");
        var third = ask("org_a", "k3");
        guardrail.answerOldest();
        guardrail.failOldest(new ApiException(503, "guardrail-service is unavailable"));
        assertThat(second.get()).isInstanceOf(ApiException.class);
        assertThat(third.get()).isSameAs(second.get());
        assertThat(batcher.lanes()).isZero();
    }

    @Test
    void aBatchGuardrailRejectsIsSentAgainCheckByCheck() {
        ask("org_a", "k1");
        var second = ask("org_a", "k2");
        var third = ask("org_a", "k3");
        guardrail.answerOldest();
        guardrail.failOldest(new CheckBatcher.Rejected("HTTP 400"));
        assertThat(guardrail.calls.subList(2, 4)).containsExactly(List.of(check("org_a", "k2")),
                List.of(check("org_a", "k3")));
        guardrail.answerOldest();
        guardrail.failOldest(new ApiException(503, "guardrail-service could not answer"));
        assertThat(second.get()).isEqualTo(Guardrail.allowed(check("org_a", "k2")));
        assertThat(third.get()).isInstanceOf(ApiException.class);
    }

    @Test
    void aBatchAnsweredWithTheWrongNumberOfResultsFailsItsChecks() {
        ask("org_a", "k1");
        var second = ask("org_a", "k2");
        ask("org_a", "k3");
        guardrail.answerOldest();
        guardrail.answerOldestBatch(List.of(Guardrail.allowed(check("org_a", "k2"))));
        assertThat(second.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCallerThatGoesAwayBeforeItsCheckIsSentSendsNothing() {
        ask("org_a", "k1");
        Cancellable gone = batcher.check(check("org_a", "k2")).subscribe().with(r -> { }, f -> { });
        var third = ask("org_a", "k3");
        gone.cancel();
        guardrail.answerOldest();
        assertThat(guardrail.calls.get(1)).containsExactly(check("org_a", "k3"));
        guardrail.answerOldest();
        assertThat(third.get()).isEqualTo(Guardrail.allowed(check("org_a", "k3")));
        assertThat(batcher.lanes()).isZero();
    }

    @Test
    void moreCallsOutPerOrganizationWhenConfigured() {
        CheckBatcher two = new CheckBatcher(guardrail, 2, 3);
        two.check(check("org_a", "k1")).subscribe().with(r -> { });
        two.check(check("org_a", "k2")).subscribe().with(r -> { });
        two.check(check("org_a", "k3")).subscribe().with(r -> { });
        assertThat(guardrail.calls).containsExactly(List.of(check("org_a", "k1")), List.of(check("org_a", "k2")));
    }

    @Test
    void limitsOutsideWhatGuardrailTakesAreRefused() {
        assertThatThrownBy(() -> new CheckBatcher(guardrail, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckBatcher(guardrail, 1, 65)).isInstanceOf(IllegalArgumentException.class);
    }
}
