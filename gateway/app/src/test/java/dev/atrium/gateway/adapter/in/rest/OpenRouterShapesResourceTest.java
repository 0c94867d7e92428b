package dev.atrium.gateway.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway's OpenRouter routes answer every field the {@code @openrouter/sdk} 1.3.19 schemas
 * require (names from its {@code esm/models/*.js}); the system test runs the SDK itself.
 */
@QuarkusTest
class OpenRouterShapesResourceTest {

    private static final List<String> MODEL_FIELDS = List.of("id", "canonical_slug", "name", "created",
            "context_length", "architecture", "pricing", "top_provider", "per_request_limits", "supported_parameters",
            "default_parameters", "supported_voices", "links");
    private static final List<String> ENDPOINT_FIELDS = List.of("context_length", "latency_last_30m",
            "max_completion_tokens", "max_prompt_tokens", "model_id", "model_name", "name", "pricing", "provider_name",
            "quantization", "supported_parameters", "supports_implicit_caching", "supports_tool_choice", "tag",
            "throughput_last_30m", "uptime_last_1d", "uptime_last_30m", "uptime_last_5m");
    private static final List<String> KEY_FIELDS = List.of("allowed_data_regions", "byok_usage", "byok_usage_daily",
            "byok_usage_monthly", "byok_usage_weekly", "creator_user_id", "free_model_daily_requests",
            "include_byok_in_limit", "is_free_tier", "is_management_key", "is_provisioning_key", "label", "limit",
            "limit_remaining", "limit_reset", "organization_id", "rate_limit", "usage", "usage_daily",
            "usage_monthly", "usage_weekly", "workspace_id");
    private static final List<String> GENERATION_FIELDS = List.of("api_type", "app_id", "cache_discount",
            "cancelled", "created_at", "data_region", "external_user", "finish_reason", "generation_time",
            "http_referer", "id", "is_byok", "latency", "model", "moderation_latency", "native_finish_reason",
            "native_tokens_cached", "native_tokens_completion", "native_tokens_completion_images",
            "native_tokens_prompt", "native_tokens_reasoning", "num_fetches", "num_input_audio_prompt",
            "num_media_completion", "num_media_prompt", "num_search_results", "origin", "preset_id", "provider_name",
            "provider_responses", "router", "service_tier", "streamed", "tokens_completion", "tokens_prompt",
            "total_cost", "upstream_id", "upstream_inference_cost", "usage", "user_agent", "web_search_engine",
            "workspace_id");

    @Test
    void modelsCarryEveryFieldOfOpenRoutersModelAndTheListsTotalAndLinks() {
        JsonPath body = key().get("/api/v1/models").then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", contains("openai/gpt-4o-mini", "openai/gpt-4o"))
                .body("total_count", equalTo(2))
                .body("links.next", nullValue())
                .extract().jsonPath();
        Map<String, Object> model = body.getMap("data[0]");
        assertThat(model).containsKeys(MODEL_FIELDS.toArray(String[]::new));
        assertThat(model.get("canonical_slug")).isEqualTo("openai/gpt-4o-mini");
        assertThat(model.get("created")).isEqualTo(0);
        assertThat(model.get("default_parameters")).isNull();
        assertThat(model.get("object")).isEqualTo("model");
        assertThat(body.getString("data[0].architecture.modality")).isEqualTo("text+image->text");
        assertThat(body.getList("data[0].architecture.input_modalities")).containsExactly("text", "image");
        assertThat(body.getString("data[0].pricing.completion")).isEqualTo("0.0000006");
        assertThat(body.getBoolean("data[0].top_provider.is_moderated")).isFalse();
        assertThat(body.getInt("data[0].top_provider.context_length")).isEqualTo(128000);
        assertThat(body.getString("data[0].links.details")).isEqualTo("/api/v1/models/openai/gpt-4o-mini/endpoints");
        assertThat(body.getList("data[0].supported_parameters")).contains("tools");
    }

    @Test
    void modelsPageWithOffsetAndLimit() {
        key().queryParam("limit", 1).get("/api/v1/models").then().statusCode(200)
                .body("data.id", contains("openai/gpt-4o-mini"))
                .body("total_count", equalTo(2))
                .body("links.next", equalTo("/api/v1/models?offset=1&limit=1"));
        key().queryParam("offset", 1).queryParam("limit", 1).get("/api/v1/models").then().statusCode(200)
                .body("data.id", contains("openai/gpt-4o"))
                .body("links.next", nullValue());
        key().queryParam("limit", 0).get("/api/v1/models").then().statusCode(400)
                .body("error.metadata.field", equalTo("limit"));
    }

    @Test
    void modelsCountAndUserModelsAreTheKeysModels() {
        key().get("/api/v1/models/count").then().statusCode(200).body("data.count", equalTo(2));
        key().get("/api/v1/models/user").then().statusCode(200)
                .body("data.id", contains("openai/gpt-4o-mini", "openai/gpt-4o"))
                .body("total_count", equalTo(2));
    }

    @Test
    void endpointsOfAModelInOpenRoutersShape() {
        JsonPath body = key().get("/api/v1/models/{author}/{slug}/endpoints", "openai", "gpt-4o-mini")
                .then().statusCode(200)
                .body("data.id", equalTo("openai/gpt-4o-mini"))
                .body("data.name", equalTo("Model openai/gpt-4o-mini"))
                .body("data.created", equalTo(0))
                .body("data.description", equalTo(""))
                .body("data.architecture.modality", equalTo("text->text"))
                .body("data.architecture", hasKey("tokenizer"))
                .body("data.architecture", hasKey("instruct_type"))
                .body("data.endpoints.tag", contains("openai", "sim-fast"))
                .extract().jsonPath();
        Map<String, Object> quiet = body.getMap("data.endpoints[0]");
        Map<String, Object> busy = body.getMap("data.endpoints[1]");
        assertThat(quiet).containsKeys(ENDPOINT_FIELDS.toArray(String[]::new));
        assertThat(busy).containsKeys(ENDPOINT_FIELDS.toArray(String[]::new));
        assertThat(quiet.get("model_id")).isEqualTo("openai/gpt-4o-mini");
        assertThat(quiet.get("provider_name")).isEqualTo("OpenAI");
        assertThat(quiet.get("max_completion_tokens")).isEqualTo(16384);
        assertThat(body.getBoolean("data.endpoints[0].supports_tool_choice.auto")).isTrue();
        assertThat(body.getBoolean("data.endpoints[1].supports_tool_choice.required")).isFalse();
        assertThat(busy.get("status")).isEqualTo(-1);
        assertThat(busy.get("uptime_last_30m")).isEqualTo(97.5f);
        assertThat(busy.get("quantization")).isEqualTo("fp8");
        // routing measures p50 and p90 only; OpenRouter's percentile object needs p75 and p99 too.
        assertThat(busy.get("latency_last_30m")).isNull();
        assertThat(busy.get("throughput_last_30m")).isNull();
    }

    @Test
    void endpointsOfAModelTheKeyMayNotUseOrThatIsUnknownAreNotFound() {
        key().get("/api/v1/models/{author}/{slug}/endpoints", "anthropic", "claude-3.5-haiku").then()
                .statusCode(404).body("error.message", equalTo("Model anthropic/claude-3.5-haiku is not in the catalogue"));
        key().get("/api/v1/models/{author}/{slug}/endpoints", "acme", "nothing").then().statusCode(404)
                .body("error.metadata.field", equalTo("model"));
        key().get("/api/v1/models/{author}/{slug}/endpoints", "openai", "..").then().statusCode(404);
    }

    @Test
    void providersInOpenRoutersShape() {
        key().get("/api/v1/providers").then().statusCode(200)
                .body("data.slug", contains("openai", "sim-fast"))
                .body("data[0].name", equalTo("OpenAI"))
                .body("data[0]", hasKey("privacy_policy_url"))
                .body("data[0].privacy_policy_url", nullValue())
                .body("data[0].data_policy.retains_prompts", equalTo(true))
                .body("data[0].region", equalTo("us"))
                .body("data[0].data_region", equalTo("us"))
                .body("data[1].data_region", equalTo("global"))
                .body("data[0]", org.hamcrest.Matchers.not(hasKey("base_url")));
    }

    @Test
    void keyCarriesEveryFieldOfOpenRoutersCurrentKey() {
        JsonPath body = key().get("/api/v1/key").then().statusCode(200).extract().jsonPath();
        assertThat(body.getMap("data")).containsKeys(KEY_FIELDS.toArray(String[]::new));
        assertThat(body.getString("data.organization_id")).isEqualTo("org_t");
        assertThat(body.getString("data.creator_user_id")).isEqualTo("user-t");
        assertThat(body.getString("data.key_id")).isEqualTo("key_t");
        assertThat(body.getInt("data.byok_usage")).isZero();
        assertThat(body.getBoolean("data.is_management_key")).isFalse();
        assertThat(body.getList("data.allowed_data_regions")).containsExactly("global", "europe", "us");
        assertThat(body.getInt("data.free_model_daily_requests.limit")).isZero();
        assertThat(body.getInt("data.rate_limit.requests")).isEqualTo(-1);
        assertThat(body.getString("data.rate_limit.interval")).isEqualTo("10s");
    }

    @Test
    void generationCarriesEveryFieldOfOpenRoutersGeneration() {
        JsonPath body = key().queryParam("id", "gen-byok-2").get("/api/v1/generation").then().statusCode(200)
                .extract().jsonPath();
        assertThat(body.getMap("data")).containsKeys(GENERATION_FIELDS.toArray(String[]::new));
        assertThat(body.getString("data.api_type")).isEqualTo("completions");
        assertThat(body.getString("data.data_region")).isEqualTo("global");
        assertThat(body.getString("data.origin")).isEmpty();
        assertThat(body.getString("data.created_at")).isEqualTo("2026-11-26T12:00:00Z");
        // A BYOK generation charged the organization its fee, not the cost its own key paid.
        assertThat(body.getFloat("data.usage")).isEqualTo(0.00000111f);
        assertThat(body.getFloat("data.total_cost")).isEqualTo(0.0000222f);
        assertThat(body.getString("data.policy_revision")).isEqualTo("org:1,ws:0");
    }

    @Test
    void creditsAreTheOrganizationsTotals() {
        key().get("/api/v1/credits").then().statusCode(200)
                .body("data.total_credits", equalTo(100))
                .body("data.total_usage", equalTo(2.5f))
                .body("data.balance", equalTo(97.5f));
    }

    @Test
    void activityIsTheWorkspacesLastThirtyDaysByDayModelAndProvider() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath body = key().get("/api/v1/activity").then().statusCode(200).extract().jsonPath();
        // Around midnight UTC the test's day and the service's may differ by one.
        LocalDate to = (LocalDate) FakeInternalServices.lastActivityAsked.get(3);
        assertThat(to).isBetween(today, today.plusDays(2));
        assertThat(FakeInternalServices.lastActivityAsked.subList(0, 3))
                .containsExactly("org_t", "ws_t", to.minusDays(30));
        assertThat(body.getList("data.provider_name")).containsExactly("openai", "sim-fast");
        assertThat(body.getString("data[0].date")).isEqualTo(to.minusDays(30).toString());
        assertThat(body.getString("data[0].model_permaslug")).isEqualTo("openai/gpt-4o-mini");
        assertThat(body.getString("data[0].endpoint_id")).isEqualTo("openai:openai/gpt-4o-mini");
        assertThat(body.getInt("data[0].requests")).isEqualTo(3);
        assertThat(body.getInt("data[0].reasoning_tokens")).isZero();
        assertThat(body.getFloat("data[1].usage")).isEqualTo(0.0002f);
        assertThat(body.getFloat("data[1].byok_usage_inference")).isEqualTo(0.004f);
        assertThat(body.getString("data[1].workspace_id")).isEqualTo("ws_t");
    }

    @Test
    void activityOfOneDay() {
        key().queryParam("date", "2026-11-20").get("/api/v1/activity").then().statusCode(200)
                .body("data[0].date", equalTo("2026-11-20"));
        assertThat(FakeInternalServices.lastActivityAsked.subList(2, 4))
                .containsExactly(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));
        key().queryParam("date", "yesterday").get("/api/v1/activity").then().statusCode(400)
                .body("error.metadata.field", equalTo("date"));
    }

    @Test
    void everyOpenRouterRouteNeedsAValidKey() {
        for (String path : List.of("/api/v1/models/count", "/api/v1/models/user", "/api/v1/providers",
                "/api/v1/credits", "/api/v1/activity", "/api/v1/models/openai/gpt-4o-mini/endpoints")) {
            given().get(path).then().statusCode(401).body("error.code", equalTo(401));
            given().header("Authorization", "Bearer sk-at-v1-nope").get(path).then().statusCode(401);
        }
    }

    private static RequestSpecification key() {
        return given().header("Authorization", "Bearer " + FakeInternalServices.KEY);
    }
}
