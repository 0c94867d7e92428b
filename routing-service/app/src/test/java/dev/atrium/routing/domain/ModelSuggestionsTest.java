package dev.atrium.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSuggestionsTest {

    private final List<Model> models = Catalogs.sample().models();

    @Test
    void aTypoSuggestsTheModelItMeant() {
        assertThat(ModelSuggestions.closeTo("openai/gpt-4o-mni", models)).containsExactly(Catalogs.MINI);
    }

    @Test
    void aMissingOrWrongAuthorStillFindsTheSlug() {
        assertThat(ModelSuggestions.closeTo("gpt-4o-mini", models)).containsExactly(Catalogs.MINI);
        assertThat(ModelSuggestions.closeTo("meta/llama-3.1-8b-instruct", models)).containsExactly(Catalogs.LLAMA);
    }

    @Test
    void somethingUnrelatedSuggestsNothing() {
        assertThat(ModelSuggestions.closeTo("acme/unknown-model", models)).isEmpty();
    }
}
