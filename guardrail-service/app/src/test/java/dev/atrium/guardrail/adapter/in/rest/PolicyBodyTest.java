package dev.atrium.guardrail.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.DataCollection;
import dev.atrium.guardrail.domain.DataPolicy;
import dev.atrium.guardrail.domain.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEveryFieldOfTheDocument() {
        PolicyDocument d = PolicyBody.read(json("""
                {"allowed_models":["openai/*"],"ignored_models":[],"allowed_providers":["openai"],
                 "ignored_providers":["deepinfra"],"max_tokens":4096,
                 "data_policy":{"zdr_required":true,"data_collection":"deny","allow_training":false}}"""));
        assertThat(d).isEqualTo(new PolicyDocument(List.of("openai/*"), List.of(), List.of("openai"),
                List.of("deepinfra"), new DataPolicy(true, DataCollection.DENY, false), 4096));
        assertThat(PolicyBody.read(json("{}"))).isEqualTo(PolicyDocument.EMPTY);
    }

    @Test
    void fieldsOfALaterStepAreRefusedEvenWhenNull() {
        assertField("{\"budgets\":null}", "budgets");
        assertField("{\"content_filters\":[{\"builtin\":\"email\",\"action\":\"redact\"}]}", "content_filters");
        assertField("{\"rate_limits\":{\"requests_per_minute\":600}}", "rate_limits");
    }

    @Test
    void unknownAndMistypedFieldsAreNamed() {
        assertField("{\"allowed_modelz\":[]}", "allowed_modelz");
        assertField("{\"data_policy\":{\"zdr\":true}}", "data_policy.zdr");
        assertField("{\"allowed_models\":\"openai/*\"}", "allowed_models");
        assertField("{\"ignored_providers\":[1]}", "ignored_providers");
        assertField("{\"max_tokens\":1.5}", "max_tokens");
        assertField("{\"max_tokens\":-3}", "max_tokens");
        assertField("{\"data_policy\":{\"allow_training\":\"no\"}}", "data_policy.allow_training");
        assertField("[]", "body");
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> PolicyBody.read(json(body))).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
