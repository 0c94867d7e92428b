package dev.atrium.routing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The public catalogue, answered without a token. */
@QuarkusTest
class CatalogResourceTest {

    private static final String OPENAI_MINI = "data.endpoints.find { it.tag == 'openai' }.";

    @Test
    void modelsListTheCheapestEndpointsPerTokenPrices() {
        given().get("/api/v1/catalog/models")
                .then().statusCode(200)
                .body("data.size()", greaterThanOrEqualTo(12))
                .body("data.id", hasItems("openai/gpt-4o-mini", "anthropic/claude-sonnet-4", "deepseek/deepseek-chat"))
                .body("data.find { it.id == 'openai/gpt-4o-mini' }.pricing.prompt", equalTo("0.000000075"))
                .body("data.find { it.id == 'openai/gpt-4o-mini' }.pricing.completion", equalTo("0.0000003"))
                .body("data.find { it.id == 'openai/gpt-4o-mini' }.context_length", equalTo(128000))
                .body("data.find { it.id == 'openai/gpt-4o-mini' }.supported_parameters", hasItems("tools", "response_format"))
                .body("data.find { it.id == 'anthropic/claude-sonnet-4' }.pricing.completion", equalTo("0.000015"));
    }

    @Test
    void endpointsOfAModelShowEachProvidersPriceLimitsAndStatus() {
        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "openai", "gpt-4o-mini")
                .then().statusCode(200)
                .body("data.id", equalTo("openai/gpt-4o-mini"))
                .body("data.name", equalTo("OpenAI: GPT-4o-mini"))
                .body("data.context_length", equalTo(128000))
                .body("data.architecture.input_modalities", hasItem("text"))
                .body("data.architecture.output_modalities", hasItem("text"))
                .body("data.endpoints", hasSize(5))
                .body("data.endpoints.tag", hasItems("openai", "azure", "sim-fast", "sim-cheap", "sim-flaky"))
                .body(OPENAI_MINI + "provider_name", equalTo("OpenAI"))
                .body(OPENAI_MINI + "context_length", equalTo(128000))
                .body(OPENAI_MINI + "pricing.prompt", equalTo("0.00000015"))
                .body(OPENAI_MINI + "pricing.completion", equalTo("0.0000006"))
                .body(OPENAI_MINI + "quantization", equalTo("unknown"))
                .body(OPENAI_MINI + "max_completion_tokens", equalTo(16384))
                .body(OPENAI_MINI + "supported_parameters", hasItem("tool_choice"))
                .body(OPENAI_MINI + "status", equalTo(0))
                .body(OPENAI_MINI + "uptime_last_30m", nullValue())
                .body(OPENAI_MINI + "latency_last_30m", nullValue())
                .body(OPENAI_MINI + "throughput_last_30m", nullValue());
    }

    @Test
    void anAnthropicEndpointListsExactlyTheParametersTheGatewayTranslates() {
        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "anthropic", "claude-3.5-haiku")
                .then().statusCode(200)
                .body("data.endpoints.find { it.tag == 'anthropic' }.supported_parameters", contains("max_tokens",
                        "temperature", "top_p", "stop", "tools", "tool_choice", "response_format"))
                .body("data.endpoints.find { it.tag == 'sim-fast' }.supported_parameters",
                        hasItems("seed", "frequency_penalty", "tools", "response_format"));
        // A model lists what at least one of its endpoints honours.
        given().get("/api/v1/catalog/models")
                .then().statusCode(200)
                .body("data.find { it.id == 'anthropic/claude-sonnet-4' }.supported_parameters", contains("max_tokens",
                        "temperature", "top_p", "stop", "tools", "tool_choice", "response_format"))
                .body("data.find { it.id == 'anthropic/claude-3.5-haiku' }.supported_parameters", hasItem("seed"));
    }

    @Test
    void providersListNamesAndDataPoliciesButNoBaseUrls() {
        given().get("/api/v1/catalog/providers")
                .then().statusCode(200)
                .body("data.id", hasItems("openai", "anthropic", "sim-fast"))
                .body("data.find { it.id == 'openai' }.name", equalTo("OpenAI"))
                .body("data.find { it.id == 'openai' }.data_policy.zdr", org.hamcrest.Matchers.notNullValue())
                .body("data.find { it.id == 'openai' }.base_url", nullValue());
    }

    @Test
    void providersCarryTheDataRegionGuardrailsFilterOn() {
        given().get("/api/v1/catalog/providers")
                .then().statusCode(200)
                .body("data.find { it.id == 'mistral' }.data_region", equalTo("europe"))
                .body("data.find { it.id == 'openai' }.data_region", equalTo("us"))
                .body("data.find { it.id == 'deepseek' }.data_region", equalTo("global"))
                .body("data.find { it.id == 'sim-fast' }.data_region", equalTo("europe"))
                .body("data.find { it.id == 'sim-cheap' }.data_region", equalTo("us"));
    }

    @Test
    void unknownModelIsA404InTheErrorShape() {
        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "acme", "nothing")
                .then().statusCode(404)
                .body("error.code", equalTo(404))
                .body("error.message", equalTo("Model acme/nothing is not in the catalogue"))
                .body("error.metadata.field", equalTo("model"));
    }
}
