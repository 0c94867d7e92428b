package dev.atrium.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackTest {

    @Test
    void fallsBackOnTimeoutsRateLimitsServerErrorsAndLostConnections() {
        for (int status : new int[] {0, 408, 429, 500, 502, 503, 504}) {
            assertThat(Fallback.isRetryable(status)).as("status %d", status).isTrue();
        }
    }

    @Test
    void doesNotFallBackOnClientErrors() {
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            assertThat(Fallback.isRetryable(status)).as("status %d", status).isFalse();
        }
    }

    @Test
    void requestedModelsKeepOrderWithoutRepeats() {
        ChatRequest request = new ChatRequest("a/x", List.of("b/y", "a/x", "c/z"), false, null, 10);
        assertThat(request.requestedModels()).containsExactly("a/x", "b/y", "c/z");
        assertThat(new ChatRequest(null, List.of(), false, null, 1).withDefaultModel("d/w").requestedModels())
                .containsExactly("d/w");
    }

    @Test
    void promptEstimateIsAboutFourCharactersPerToken() {
        assertThat(PromptEstimate.tokens(0)).isEqualTo(1);
        assertThat(PromptEstimate.tokens(8)).isEqualTo(2);
        assertThat(PromptEstimate.tokens(9)).isEqualTo(3);
    }
}
