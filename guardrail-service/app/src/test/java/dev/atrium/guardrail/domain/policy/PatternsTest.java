package dev.atrium.guardrail.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.common.error.InvalidFieldException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternsTest {

    @Test
    void intersectionKeepsWhatBothListsAllow() {
        assertThat(Patterns.intersect(List.of("openai/*"), List.of("openai/gpt-4o", "anthropic/claude-3.5-haiku")))
                .containsExactly("openai/gpt-4o");
        assertThat(Patterns.intersect(List.of("openai/*", "anthropic/*"), List.of("anthropic/claude*")))
                .containsExactly("anthropic/claude*");
        assertThat(Patterns.intersect(List.of("open*"), List.of("openai/*"))).containsExactly("openai/*");
        assertThat(Patterns.intersect(List.of("openai/gpt-4o"), List.of("openai/gpt-4o")))
                .containsExactly("openai/gpt-4o");
        assertThat(Patterns.intersect(List.of("openai/*"), List.of("anthropic/*"))).isEmpty();
    }

    @Test
    void simplifyDropsCoveredAndRepeatedPatterns() {
        assertThat(Patterns.simplify(List.of("openai/gpt-4o", "openai/*", "openai/*", "meta/llama")))
                .containsExactly("openai/*", "meta/llama");
    }

    @Test
    void patternsMustBeNonEmptyWithAtMostATrailingStar() {
        assertThat(Patterns.validate("allowed_models", null)).isNull();
        assertThat(Patterns.validate("allowed_models", List.of("openai/*", "*"))).containsExactly("openai/*", "*");
        for (List<String> bad : List.of(List.of(""), List.of(" "), Arrays.asList("a/b", null), List.of("open*ai"),
                List.of("openai/**"), List.of(" openai/*"))) {
            assertThatThrownBy(() -> Patterns.validate("allowed_models", bad))
                    .isInstanceOf(InvalidFieldException.class)
                    .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("allowed_models");
        }
    }
}
