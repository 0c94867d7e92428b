package dev.atrium.routing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.json.JsonSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tests see the local catalogue: %test sets the simulator base URL template. */
@QuarkusTest
class RoutePlanResourceTest {

    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void gpt4oMiniHasSeveralCandidatesAtTheCatalogueFilesPricesPerToken() throws IOException {
        JsonPath plan = plan(Map.of("workspace_id", "ws_1", "model", "openai/gpt-4o-mini"));

        List<Map<String, Object>> candidates = plan.getList("candidates");
        assertThat(candidates).hasSizeGreaterThanOrEqualTo(2);
        Map<String, BigDecimal[]> filePrices = filePricesPerMillion("openai/gpt-4o-mini");
        for (int i = 0; i < candidates.size(); i++) {
            String provider = plan.getString("candidates[" + i + "].provider");
            BigDecimal[] perMillion = filePrices.get(provider);
            assertThat(plan.getString("candidates[" + i + "].model")).isEqualTo("openai/gpt-4o-mini");
            assertThat((BigDecimal) plan.get("candidates[" + i + "].price.prompt"))
                    .isEqualByComparingTo(perMillion[0].divide(BigDecimal.valueOf(1_000_000), 16, RoundingMode.UNNECESSARY));
            assertThat((BigDecimal) plan.get("candidates[" + i + "].price.completion"))
                    .isEqualByComparingTo(perMillion[1].divide(BigDecimal.valueOf(1_000_000), 16, RoundingMode.UNNECESSARY));
        }
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void candidatesPointAtTheSimulatorAndIncludeTheLocalProviders() {
        JsonPath plan = plan(Map.of("model", "openai/gpt-4o-mini", "provider", Map.of("sort", "price")));

        assertThat(plan.getList("candidates.provider", String.class))
                .contains("openai", "azure", "sim-fast", "sim-cheap", "sim-flaky")
                .first().isEqualTo("sim-cheap");
        int openai = plan.getList("candidates.provider", String.class).indexOf("openai");
        assertThat(plan.getString("candidates[" + openai + "].base_url")).isEqualTo("http://127.0.0.1:8090/p/openai");
        assertThat(plan.getString("candidates[" + openai + "].protocol")).isEqualTo("openai");
        assertThat(plan.getString("candidates[" + openai + "].upstream_model")).isEqualTo("gpt-4o-mini");
        assertThat(plan.getBoolean("candidates[" + openai + "].data_policy.retains_prompts")).isTrue();
        assertThat(plan.getInt("candidates[" + openai + "].context_length")).isEqualTo(128_000);
        assertThat(plan.getInt("candidates[" + openai + "].max_completion_tokens")).isEqualTo(16_384);
        assertThat(plan.getString("candidates[0].base_url")).isEqualTo("http://127.0.0.1:8090/p/sim-cheap");
        assertThat(plan.getLong("reuse.for_millis")).isEqualTo(1000);
        assertThat(plan.getList("reuse.balanced")).isEmpty();
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void aLoadBalancedPlanTellsTheGatewayWhichRunToDrawAnewWhenItReusesThePlan() {
        JsonPath plan = plan(Map.of("model", "openai/gpt-4o-mini"));

        int candidates = plan.getList("candidates").size();
        assertThat(plan.getLong("reuse.for_millis")).isEqualTo(1000);
        assertThat(plan.getInt("reuse.balanced[0].from")).isZero();
        assertThat(plan.getList("reuse.balanced[0].weights")).hasSizeBetween(2, candidates);
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void perTokenPricesAreWrittenAsPlainJsonNumbers() {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini", "provider", Map.of("only", List.of("openai"))))
                .post("/internal/v1/routes/plan")
                .then().statusCode(200).extract().asString();

        assertThat(body).contains("\"price\":{\"prompt\":0.00000015,\"completion\":0.0000006}");
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void preferencesThatExcludeEveryProviderGiveAnEmptyPlan() {
        JsonPath plan = plan(Map.of("model", "openai/gpt-4o-mini", "provider", Map.of("only", List.of("groq"))));

        assertThat(plan.getList("candidates")).isEmpty();
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void preferencesAndFallbackModelsShapeThePlan() {
        JsonPath plan = plan(Map.of("model", "openai/gpt-4o-mini:floor",
                "models", List.of("meta-llama/llama-3.1-8b-instruct", "openai/gpt-4o-mini"),
                "provider", Map.of("order", List.of("azure"), "ignore", List.of("sim-flaky"),
                        "data_collection", "deny", "allow_fallbacks", true)));

        assertThat(plan.getList("candidates", Map.class)).extracting(c -> c.get("model") + "@" + c.get("provider"))
                .containsExactly("openai/gpt-4o-mini@sim-fast", "meta-llama/llama-3.1-8b-instruct@groq",
                        "meta-llama/llama-3.1-8b-instruct@sim-fast", "meta-llama/llama-3.1-8b-instruct@together",
                        "meta-llama/llama-3.1-8b-instruct@fireworks");
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void unknownModelIsA404NamingTheModel() {
        given().contentType(ContentType.JSON).body(Map.of("model", "acme/unknown-model"))
                .post("/internal/v1/routes/plan")
                .then().statusCode(404)
                .body("error.code", equalTo(404))
                .body("error.message", equalTo("Model acme/unknown-model is not in the catalogue"))
                .body("error.metadata.field", equalTo("model"));
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void aMisspelledModelIsA404NamingTheCloseMatches() {
        given().contentType(ContentType.JSON).body(Map.of("model", "openai/gpt-4o-mni"))
                .post("/internal/v1/routes/plan")
                .then().statusCode(404)
                .body("error.message", startsWith("Model openai/gpt-4o-mni is not in the catalogue; did you mean "
                        + "openai/gpt-4o-mini"))
                .body("error.metadata.field", equalTo("model"))
                .body("error.metadata.did_you_mean[0]", equalTo("openai/gpt-4o-mini"));
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void thePlanNamesThePreferenceThatLeftEachEndpointOutAndOffersTheWorkspacesOwnKeyFirst() {
        JsonPath plan = plan(Map.of("model", "openai/gpt-4o-mini",
                "provider", Map.of("sort", "price", "ignore", List.of("sim-flaky"),
                        "max_price", Map.of("prompt", "0.0000001"), "quantizations", List.of("unknown", "int8")),
                "byok", List.of(Map.of("provider", "sim-cheap", "fallback", false))));

        assertThat(plan.getList("candidates", Map.class))
                .extracting(c -> c.get("provider") + (Boolean.TRUE.equals(c.get("byok")) ? " byok" : ""))
                .containsExactly("sim-cheap byok", "sim-cheap");
        assertThat(plan.getList("excluded", Map.class)).extracting(e -> e.get("provider") + " " + e.get("reason"))
                .containsExactlyInAnyOrder("azure max_price.prompt", "openai max_price.prompt",
                        "sim-fast max_price.prompt", "sim-flaky ignore");
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void neitherModelNorModelsIsA400() {
        given().contentType(ContentType.JSON).body(Map.of("workspace_id", "ws_1"))
                .post("/internal/v1/routes/plan")
                .then().statusCode(400)
                .body("error.code", equalTo(400))
                .body("error.metadata.field", equalTo("model"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void callersWithoutTheServiceRoleAreForbidden() {
        given().contentType(ContentType.JSON).body(Map.of("model", "openai/gpt-4o-mini"))
                .post("/internal/v1/routes/plan")
                .then().statusCode(403).body("error.code", equalTo(403));
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().contentType(ContentType.JSON).body(Map.of("model", "openai/gpt-4o-mini"))
                .post("/internal/v1/routes/plan")
                .then().statusCode(401).body("error.code", equalTo(401));
    }

    private static JsonPath plan(Map<String, Object> body) {
        return given().config(EXACT).contentType(ContentType.JSON).body(body)
                .post("/internal/v1/routes/plan")
                .then().statusCode(200).extract().jsonPath(JsonPathConfig.jsonPathConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** provider -> {prompt, completion} per million, straight from the shipped files. */
    private static Map<String, BigDecimal[]> filePricesPerMillion(String model) throws IOException {
        ObjectMapper json = JsonSettings.apply(new ObjectMapper());
        Map<String, BigDecimal[]> prices = new HashMap<>();
        for (String file : List.of("catalog/catalog-v1.json", "catalog/local-providers.json")) {
            try (InputStream in = RoutePlanResourceTest.class.getClassLoader().getResourceAsStream(file)) {
                for (JsonNode e : json.readTree(in).get("endpoints")) {
                    if (e.get("model").asText().equals(model)) {
                        prices.put(e.get("provider").asText(), new BigDecimal[] {
                                e.get("prompt_price_per_million").decimalValue(),
                                e.get("completion_price_per_million").decimalValue()});
                    }
                }
            }
        }
        return prices;
    }
}
