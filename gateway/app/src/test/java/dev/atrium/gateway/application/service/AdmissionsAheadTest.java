package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A key's next admission asked while its request is served (docs/adr/0008-admissions-ahead.md). */
class AdmissionsAheadTest {

    private static final long MS = 1_000_000;

    private final Guardrail guardrail = new Guardrail();
    private long now = 1_000 * MS;
    private final AdmissionsAhead ahead = new AdmissionsAhead(guardrail, () -> now,
            Duration.ofSeconds(1).toNanos());

    @Test
    void theNextRequestsOfAKeyWhoseRequestsFollowCloselyTakeTheAdmissionsAskedAhead() {
        assertThat(check(request(100, 50)).reservationId()).isEqualTo("res_1");
        assertThat(guardrail.asked).hasSize(1).as("a first request asks nothing ahead");

        now += 5 * MS;
        assertThat(check(request(100, 50)).reservationId()).isEqualTo("res_2");
        assertThat(guardrail.asked).hasSize(2 + AdmissionsAhead.DEPTH);
        CheckRequest askedAhead = guardrail.asked.get(2);
        assertThat(askedAhead.text()).as("keepable: the text decides nothing").isNull();
        assertThat(askedAhead.estimatedPromptTokens()).isEqualTo(256);
        assertThat(askedAhead.maxTokens()).isEqualTo(50);
        assertThat(askedAhead.models()).containsExactly("openai/gpt-4o-mini");

        now += 5 * MS;
        assertThat(check(request(200, 50)).reservationId()).as("taken, no check asked for it").isEqualTo("res_3");
        now += 5 * MS;
        assertThat(check(request(256, 50)).reservationId()).isEqualTo("res_4");
        assertThat(guardrail.asked).hasSize(6).as("each taken one asked anew");
        assertThat(ahead.kept()).isEqualTo(AdmissionsAhead.DEPTH);
        assertThat(guardrail.released).isEmpty();
    }

    @Test
    void aRequestOfAnotherShapeIsCheckedOnItsOwnAndWhatWasAskedAheadIsReleasedWithItsAge() {
        keepTwoAhead();

        assertThat(check(request(100, 51)).reservationId()).as("other max_tokens").isEqualTo("res_5");
        assertThat(check(request(257, 50)).reservationId()).as("more prompt tokens than asked ahead")
                .isEqualTo("res_6");
        assertThat(check(new CheckRequest("org_1", "ws_1", "key_1", "user_1",
                List.of("openai/gpt-4o-mini", "openai/gpt-4o"), 100, 50, "hi")).reservationId()).as("other models")
                .isEqualTo("res_7");

        now += 999 * MS;
        ahead.sweep();
        assertThat(guardrail.released).isEmpty();
        now += 2 * MS;
        ahead.sweep();
        assertThat(guardrail.released).containsExactly("res_3", "res_4");
        assertThat(ahead.kept()).isZero();
    }

    @Test
    void anAdmissionKeptPastItsAgeIsNeverUsed() {
        keepTwoAhead();
        now += 1_001 * MS;
        assertThat(check(request(100, 50)).reservationId()).isEqualTo("res_5");
        ahead.sweep();
        assertThat(guardrail.released).containsExactly("res_3", "res_4");
    }

    @Test
    void verdictsTheGuardrailDidNotMarkKeepableAreNeverAskedAhead() {
        guardrail.keepable = false;
        check(request(100, 50));
        now += MS;
        check(request(100, 50));
        assertThat(guardrail.asked).hasSize(2);
        assertThat(ahead.kept()).isZero();
    }

    @Test
    void keysWhoseRequestsAreFarApartAskNothingAhead() {
        check(request(100, 50));
        now += 1_001 * MS;
        check(request(100, 50));
        assertThat(guardrail.asked).hasSize(2);
    }

    @Test
    void aKeyWhoseRequestsOverlapAsksNothingAheadUntilTheyComeOneAtATimeAgain() {
        CheckResult first = ahead.check(request(100, 50)).await().indefinitely();
        ahead.admitted(request(100, 50), first);
        now += MS;
        CheckResult second = ahead.check(request(100, 50)).await().indefinitely();
        ahead.admitted(request(100, 50), second);
        assertThat(guardrail.asked).hasSize(2);

        ahead.finished("key_1");
        ahead.finished("key_1");
        now += MS;
        check(request(100, 50));
        assertThat(guardrail.asked).hasSize(3 + AdmissionsAhead.DEPTH).as("one at a time again: asked ahead");
    }

    @Test
    void aRequestWaitsForTheAdmissionAheadStillOnItsWayRatherThanAskingAnother() {
        CompletableFuture<CheckResult> onItsWay = aheadOnItsWay();
        CompletableFuture<CheckResult> third = ahead.check(request(100, 50)).subscribeAsCompletionStage();
        assertThat(third).isNotDone();
        assertThat(guardrail.asked).hasSize(2 + AdmissionsAhead.DEPTH);
        onItsWay.complete(guardrail.allowed("res_ahead", true));
        assertThat(third.join().reservationId()).isEqualTo("res_ahead");
    }

    @Test
    void anAdmissionAheadThatIsNoLongerKeepableIsReleasedAndTheRequestCheckedOnItsOwn() {
        aheadOnItsWay().complete(guardrail.allowed("res_ahead", false));

        assertThat(check(request(100, 50)).reservationId()).isEqualTo("res_5");
        assertThat(guardrail.released).containsExactly("res_ahead");
    }

    @Test
    void anAdmissionAheadTheGuardrailRefusedLeavesTheRequestToItsOwnCheck() {
        aheadOnItsWay().complete(CheckResult.rateLimited("Key rate limit of 100 requests per minute exceeded.", 3,
                "org:1,ws:0"));
        assertThat(check(request(100, 50)).reservationId()).isEqualTo("res_5");
        assertThat(guardrail.released).isEmpty();
    }

    @Test
    void anAdmissionAheadTheGuardrailCouldNotAnswerLeavesTheRequestToItsOwnCheck() {
        aheadOnItsWay().completeExceptionally(new IllegalStateException("guardrail down"));
        assertThat(ahead.kept()).as("failed ones are dropped").isZero();
        assertThat(check(request(100, 50)).reservationId()).isEqualTo("res_5");
        assertThat(guardrail.released).isEmpty();
    }

    @Test
    void aChangedKeyOrWorkspaceOrTheOrganizationsRefusalReleasesWhatWasAskedAhead() {
        keepTwoAhead();
        ahead.forgetKey("key_2");
        assertThat(guardrail.released).isEmpty();
        ahead.forgetKey("key_1");
        assertThat(guardrail.released).containsExactly("res_3", "res_4");

        now += MS;
        check(request(100, 50));
        ahead.forgetWorkspace("ws_1");
        assertThat(guardrail.released).containsExactly("res_3", "res_4", "res_6", "res_7");

        now += MS;
        check(request(100, 50));
        assertThat(ahead.releaseOrganization("org_2").await().indefinitely()).isFalse();
        assertThat(ahead.releaseOrganization("org_1").await().indefinitely()).isTrue();
        assertThat(guardrail.released).containsExactly("res_3", "res_4", "res_6", "res_7", "res_9", "res_10");
        assertThat(ahead.kept()).isZero();
    }

    @Test
    void promptTokensAreAskedAheadRoundedUpToAPowerOfTwo() {
        assertThat(AdmissionsAhead.tokensAhead(0)).isEqualTo(256);
        assertThat(AdmissionsAhead.tokensAhead(256)).isEqualTo(256);
        assertThat(AdmissionsAhead.tokensAhead(257)).isEqualTo(512);
        assertThat(AdmissionsAhead.tokensAhead(5000)).isEqualTo(8192);
    }

    @Test
    void nothingIsAskedAheadWhenTurnedOff() {
        AdmissionsAhead off = new AdmissionsAhead(guardrail, () -> now, 0);
        off.check(request(100, 50)).await().indefinitely();
        now += MS;
        off.check(request(100, 50)).await().indefinitely();
        assertThat(guardrail.asked).hasSize(2);
        assertThat(off.kept()).isZero();
    }

    /** Two close requests: res_1, res_2, and res_3 and res_4 kept ahead. */
    private void keepTwoAhead() {
        check(request(100, 50));
        now += MS;
        check(request(100, 50));
        assertThat(ahead.kept()).isEqualTo(2);
    }

    /** Two close requests; the admissions asked ahead (the third and fourth checks) answer when this completes. */
    private CompletableFuture<CheckResult> aheadOnItsWay() {
        check(request(100, 50));
        guardrail.pending = new CompletableFuture<>();
        now += MS;
        check(request(100, 50));
        CompletableFuture<CheckResult> onItsWay = guardrail.pending;
        guardrail.pending = null;
        return onItsWay;
    }

    /** One request served to its end: checked, admitted when allowed, finished. */
    private CheckResult check(CheckRequest request) {
        CheckResult verdict = ahead.check(request).await().indefinitely();
        if (verdict.allowed()) {
            ahead.admitted(request, verdict);
            ahead.finished(request.keyId());
        }
        return verdict;
    }

    private static CheckRequest request(long promptTokens, Integer maxTokens) {
        return new CheckRequest("org_1", "ws_1", "key_1", "user_1", List.of("openai/gpt-4o-mini"), promptTokens,
                maxTokens, "hello");
    }

    private static final class Guardrail implements GuardrailChecker {

        final List<CheckRequest> asked = new ArrayList<>();
        final List<String> released = new ArrayList<>();
        boolean keepable = true;
        /** When set, a check asked ahead (without text) answers when this completes. */
        CompletableFuture<CheckResult> pending;

        CheckResult allowed(String reservationId, boolean keepable) {
            return new CheckResult(true, 200, null, null, reservationId, "org:1,ws:0", null, List.of(), List.of(),
                    keepable);
        }

        @Override
        public Uni<CheckResult> check(CheckRequest request) {
            asked.add(request);
            if (pending != null && request.text() == null) {
                return Uni.createFrom().completionStage(pending);
            }
            return Uni.createFrom().item(allowed("res_" + asked.size(), keepable));
        }

        @Override
        public Uni<ModerationResult> moderate(ModerationRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Void> release(String reservationId) {
            released.add(reservationId);
            return Uni.createFrom().voidItem();
        }
    }
}
