package dev.atrium.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelRequestTest {

    @Test
    void floorMeansSortByPrice() {
        assertThat(ModelRequest.parse("openai/gpt-4o-mini:floor", "model"))
                .isEqualTo(new ModelRequest("openai/gpt-4o-mini", SortOrder.PRICE, "model"));
    }

    @Test
    void nitroMeansSortByThroughput() {
        assertThat(ModelRequest.parse("meta-llama/llama-3.1-8b-instruct:nitro", "models"))
                .isEqualTo(new ModelRequest("meta-llama/llama-3.1-8b-instruct", SortOrder.THROUGHPUT, "models"));
    }

    @Test
    void otherSuffixesStayPartOfTheId() {
        assertThat(ModelRequest.parse("openai/gpt-4o-mini:free", "model").id()).isEqualTo("openai/gpt-4o-mini:free");
        assertThat(ModelRequest.parse(" openai/gpt-4o-mini ", "model").sort()).isNull();
    }
}
