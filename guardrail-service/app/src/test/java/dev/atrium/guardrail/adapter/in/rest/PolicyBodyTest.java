package dev.atrium.guardrail.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.budget.Budget;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.content.FilterAction;
import dev.atrium.guardrail.domain.policy.DataCollection;
import dev.atrium.guardrail.domain.policy.DataPolicy;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.rate.RateLimits;
import java.math.BigDecimal;
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
    void readsBudgetsRateLimitsAndContentFilters() {
        PolicyDocument d = PolicyBody.read(json("""
                {"budgets":[{"window":"monthly","limit":500},{"window":"daily","limit":12.5,"include_byok":true}],
                 "rate_limits":{"requests_per_minute":600,"tokens_per_minute":200000},
                 "content_filters":[{"builtin":"email","action":"redact"},
                                    {"pattern":"(?i)internal only","action":"block","label":"confidential"}]}"""));
        assertThat(d.budgets()).containsExactly(new Budget(BudgetWindow.MONTHLY, new BigDecimal("500"), false),
                new Budget(BudgetWindow.DAILY, new BigDecimal("12.5"), true));
        assertThat(d.rateLimits()).isEqualTo(new RateLimits(600, 200000));
        assertThat(d.contentFilters()).containsExactly(new ContentFilter(Builtin.EMAIL, null, FilterAction.REDACT, null),
                new ContentFilter(null, "(?i)internal only", FilterAction.BLOCK, "confidential"));
    }

    @Test
    void badBudgetsRateLimitsAndFiltersAreNamed() {
        assertField("{\"budgets\":[{\"window\":\"daily\",\"limit\":-1}]}", "budgets");
        assertField("{\"budgets\":[{\"window\":\"daily\",\"limit\":\"ten\"}]}", "budgets.limit");
        assertField("{\"budgets\":[{\"window\":\"hourly\",\"limit\":1}]}", "budgets.window");
        assertField("{\"budgets\":[{\"window\":\"daily\",\"limit\":1},{\"window\":\"daily\",\"limit\":2}]}",
                "budgets");
        assertField("{\"budgets\":[{\"window\":\"daily\",\"limit\":1,\"cap\":2}]}", "budgets.cap");
        assertField("{\"budgets\":{}}", "budgets");
        assertField("{\"rate_limits\":{\"requests_per_minute\":0}}", "rate_limits.requests_per_minute");
        assertField("{\"rate_limits\":{\"tokens_per_minute\":1.5}}", "rate_limits.tokens_per_minute");
        assertField("{\"rate_limits\":{\"rpm\":5}}", "rate_limits.rpm");
        assertField("{\"content_filters\":[{\"builtin\":\"name\",\"action\":\"redact\"}]}", "content_filters");
        assertField("{\"content_filters\":[{\"builtin\":\"email\",\"action\":\"erase\"}]}", "content_filters");
        assertField("{\"content_filters\":[{\"pattern\":\"(unclosed\",\"action\":\"block\"}]}",
                "content_filters.pattern");
        assertField("{\"content_filters\":[{\"pattern\":\"(a)\\\\1\",\"action\":\"block\"}]}",
                "content_filters.pattern");
        assertField("{\"content_filters\":[{\"builtin\":\"email\",\"pattern\":\"x\",\"action\":\"flag\"}]}",
                "content_filters");
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
