package dev.atrium.gateway.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyAccountResourceTest {

    @Test
    void keyShowsItsLimitAndUsageWindows() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .get("/api/v1/key")
                .then().statusCode(200)
                .body("data.label", equalTo("test"))
                .body("data.limit", equalTo(5))
                .body("data.limit_remaining", equalTo(3.75f))
                .body("data.limit_reset", equalTo("monthly"))
                .body("data.usage", equalTo(1.25f))
                .body("data.usage_daily", equalTo(0.25f))
                .body("data.workspace_id", equalTo(FakeInternalServices.CONTEXT.workspaceId()));
    }

    /** OpenRouter's field says where the key may go: every region when unrestricted, its guardrail's otherwise. */
    @Test
    void keyShowsTheDataRegionsItsPolicyAllows() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .get("/api/v1/key")
                .then().statusCode(200)
                .body("data.allowed_data_regions", contains("global", "europe", "us"));
        given().header("Authorization", "Bearer " + FakeInternalServices.BYOK_KEY)
                .get("/api/v1/key")
                .then().statusCode(200)
                .body("data.allowed_data_regions", contains("europe"));
    }

    @Test
    void aKeyWithoutByokSpendShowsZeroByokUsageInEveryWindow() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .get("/api/v1/key")
                .then().statusCode(200)
                .body("data.usage", equalTo(1.25f))
                .body("data.byok_usage", equalTo(0))
                .body("data.byok_usage_daily", equalTo(0))
                .body("data.byok_usage_weekly", equalTo(0))
                .body("data.byok_usage_monthly", equalTo(0));
    }

    /** The BYOK part per window, as guardrail counts it (the figures its key listing shows), inside usage. */
    @Test
    void aKeyWithByokSpendShowsItsByokUsagePerWindow() {
        given().header("Authorization", "Bearer " + FakeInternalServices.BYOK_KEY)
                .get("/api/v1/key")
                .then().statusCode(200)
                .body("data.key_id", equalTo("key_byok"))
                .body("data.include_byok_in_limit", equalTo(true))
                .body("data.usage", equalTo(2))
                .body("data.usage_weekly", equalTo(1.5f))
                .body("data.byok_usage", equalTo(0.8f))
                .body("data.byok_usage_daily", equalTo(0.3f))
                .body("data.byok_usage_weekly", equalTo(0.6f))
                .body("data.byok_usage_monthly", equalTo(0.7f))
                .body("data.limit", equalTo(null))
                .body("data.limit_remaining", equalTo(null));
    }

    @Test
    void generationOfTheKeysWorkspaceIsShown() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .queryParam("id", "gen-abc")
                .get("/api/v1/generation")
                .then().statusCode(200)
                .body("data.id", equalTo("gen-abc"))
                .body("data.provider_name", equalTo("openai"))
                .body("data.tokens_completion", equalTo(34))
                .body("data.total_cost", equalTo(0.0000222f))
                .body("data.is_byok", equalTo(false));
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .queryParam("id", "gen-byok-1")
                .get("/api/v1/generation")
                .then().statusCode(200)
                .body("data.is_byok", equalTo(true))
                .body("data.byok_fee", equalTo(0.00000111f));
    }

    @Test
    void generationOfAnotherWorkspaceIsNotFound() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .queryParam("id", "gen-other-workspace")
                .get("/api/v1/generation")
                .then().statusCode(404).body("error.code", equalTo(404));
    }

    @Test
    void generationNeedsAnId() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .get("/api/v1/generation")
                .then().statusCode(400).body("error.metadata.field", equalTo("id"));
    }

    @Test
    void modelsListsOnlyWhatThePolicyAllowsInOpenAiShape() {
        given().header("Authorization", "Bearer " + FakeInternalServices.KEY)
                .get("/api/v1/models")
                .then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", org.hamcrest.Matchers.contains("openai/gpt-4o-mini", "openai/gpt-4o"))
                .body("data[0].object", equalTo("model"))
                .body("data[0].pricing.prompt", equalTo("0.00000015"));
    }

    @Test
    void keyRoutesNeedAValidKey() {
        given().get("/api/v1/key").then().statusCode(401).body("error.code", equalTo(401));
        given().header("Authorization", "Bearer sk-at-v1-nope").get("/api/v1/key").then().statusCode(401);
    }
}
