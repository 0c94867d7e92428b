package dev.atrium.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextGeneratorTest {

    private final TextGenerator generator = new TextGenerator();

    @Test
    void countsAQuarterTokenPerPromptCharacterRoundedUpAndAtLeastOne() {
        assertThat(TextGenerator.promptTokens(0)).isEqualTo(1);
        assertThat(TextGenerator.promptTokens(1)).isEqualTo(1);
        assertThat(TextGenerator.promptTokens(4)).isEqualTo(1);
        assertThat(TextGenerator.promptTokens(5)).isEqualTo(2);
        assertThat(TextGenerator.promptTokens(400)).isEqualTo(100);
    }

    @Test
    void echoesAtMostEightWordsOfTheQuestionThenFillsUp() {
        Completion completion =
                generator.complete(request("one two three four five six seven eight nine ten", null), 16);

        assertThat(completion.text()).isEqualTo(
                "Simulated answer from sim-fast to: one two three four five six seven eight lorem ipsum dolor");
        assertThat(completion.completionTokens()).isEqualTo(16);
        assertThat(completion.truncated()).isFalse();
    }

    @Test
    void stopsAtMaxTokensAndMarksTheAnswerTruncated() {
        Completion completion = generator.complete(request("question", 2), 16);

        assertThat(completion.text()).isEqualTo("Simulated answer");
        assertThat(completion.truncated()).isTrue();
    }

    @Test
    void aProviderThatIgnoresMaxTokensWritesItsWholeTarget() {
        Completion completion = generator.complete(request("question", 2), 16, true);

        assertThat(completion.completionTokens()).isEqualTo(16);
        assertThat(completion.truncated()).isFalse();
    }

    @Test
    void isNotTruncatedWhenMaxTokensEqualsTheTarget() {
        assertThat(generator.complete(request("question", 16), 16).truncated()).isFalse();
    }

    @Test
    void writesNothingWhenTheTargetIsZero() {
        Completion completion = generator.complete(request("question", null), 0);

        assertThat(completion.text()).isEmpty();
        assertThat(completion.completionTokens()).isZero();
    }

    private static CompletionRequest request(String question, Integer maxTokens) {
        return new CompletionRequest("sim-fast", "m", false, false, maxTokens, question.length(), question);
    }
}
