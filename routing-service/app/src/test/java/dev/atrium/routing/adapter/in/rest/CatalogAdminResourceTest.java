package dev.atrium.routing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.routing.api.RoutingEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Platform admins edit the catalogue; each change lands on atrium.routing.events through the outbox. */
@QuarkusTest
class CatalogAdminResourceTest {

    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void anAdminAddsAProviderModelAndEndpointAndEachIsPublishedWithExactPrices() throws Exception {
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 8);
        putProvider("acme-cloud").then().statusCode(200).body("data.id", equalTo("acme-cloud"))
                .body("data.data_policy.zdr", equalTo(true))
                .body("data.data_region", equalTo("europe"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Acme " + slug, "context_length", 32_000, "capabilities", Map.of("tools", true)))
                .put("/api/v1/catalog/models/{author}/{slug}", "acme", slug)
                .then().statusCode(200).body("data.id", equalTo("acme/" + slug))
                .body("data.capabilities.tools", equalTo(true));

        given().contentType(ContentType.JSON).body(endpoint("0.00000021", "0.00000084"))
                .put("/api/v1/catalog/models/{author}/{slug}/endpoints/{provider}", "acme", slug, "acme-cloud")
                .then().statusCode(200)
                .body("data.pricing.prompt", equalTo("0.00000021"))
                .body("data.pricing.completion", equalTo("0.00000084"));

        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "acme", slug)
                .then().statusCode(200).body("data.endpoints", hasSize(1))
                .body("data.endpoints[0].pricing.prompt", equalTo("0.00000021"))
                .body("data.endpoints[0].max_completion_tokens", equalTo(4096));
        JsonNode event = JSON.readTree(awaitEvent(RoutingEvents.ENDPOINT_UPDATED, "acme/" + slug).value());
        assertThat(event.get("provider").asText()).isEqualTo("acme-cloud");
        assertThat(event.get("prompt_price").decimalValue()).isEqualByComparingTo(new BigDecimal("0.00000021"));
        assertThat(event.get("completion_price").decimalValue()).isEqualByComparingTo(new BigDecimal("0.00000084"));
        assertThat(event.get("max_completion_tokens").asInt()).isEqualTo(4096);
        assertThat(event.get("data_policy").get("zdr").asBoolean()).isTrue();

        given().delete("/api/v1/catalog/models/{author}/{slug}/endpoints/{provider}", "acme", slug, "acme-cloud")
                .then().statusCode(204);
        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "acme", slug)
                .then().statusCode(200).body("data.endpoints", hasSize(0));
        assertThat(awaitEvent(RoutingEvents.ENDPOINT_REMOVED, "acme/" + slug).key()).isEqualTo("acme/" + slug);
        given().delete("/api/v1/catalog/models/{author}/{slug}/endpoints/{provider}", "acme", slug, "acme-cloud")
                .then().statusCode(404).body("error.code", equalTo(404));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        given().contentType(ContentType.JSON).body(endpoint("-0.1", "0.0000006"))
                .put("/api/v1/catalog/models/{author}/{slug}/endpoints/{provider}", "openai", "gpt-4o-mini", "openai")
                .then().statusCode(400).body("error.code", equalTo(400))
                .body("error.metadata.field", equalTo("pricing.prompt"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "base_url", "not a url", "protocol", "openai"))
                .put("/api/v1/catalog/providers/{provider}", "openai")
                .then().statusCode(400).body("error.metadata.field", equalTo("base_url"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "base_url", "https://api.openai.com",
                        "protocol", "openai", "data_policy", Map.of("zdr", false, "retains_prompts", true,
                                "trains_on_data", false), "data_region", "eu"))
                .put("/api/v1/catalog/providers/{provider}", "openai")
                .then().statusCode(400).body("error.metadata.field", equalTo("data_region"))
                .body("error.message", org.hamcrest.Matchers.containsString("global, europe, us"));
        given().get("/api/v1/catalog/providers").then().statusCode(200)
                .body("data.find { it.id == 'openai' }.data_region", equalTo("us"));

        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "openai", "gpt-4o-mini")
                .then().statusCode(200)
                .body("data.endpoints.find { it.tag == 'openai' }.pricing.prompt", equalTo("0.00000015"))
                .body("data.endpoints.find { it.tag == 'openai' }.provider_name", equalTo("OpenAI"));
    }

    @Test
    @TestSecurity(user = "org-admin", roles = "/orgs/org_1/admin")
    void onlyPlatformAdminsMayEditTheCatalogue() {
        given().contentType(ContentType.JSON).body(endpoint("0", "0"))
                .put("/api/v1/catalog/models/{author}/{slug}/endpoints/{provider}", "openai", "gpt-4o-mini", "openai")
                .then().statusCode(403).body("error.code", equalTo(403));
        given().delete("/api/v1/catalog/models/{author}/{slug}/endpoints/{provider}", "openai", "gpt-4o-mini", "azure")
                .then().statusCode(403);
        putProvider("openai").then().statusCode(403);

        given().get("/api/v1/catalog/models/{author}/{slug}/endpoints", "openai", "gpt-4o-mini")
                .then().statusCode(200).body("data.endpoints.find { it.tag == 'openai' }.pricing.prompt",
                        equalTo("0.00000015"))
                .body("data.endpoints.tag.size()", equalTo(5));
    }

    @Test
    void anonymousCallersCannotEditTheCatalogue() {
        putProvider("acme-cloud").then().statusCode(401).body("error.code", equalTo(401));
    }

    @Test
    void theSeededEndpointsArePublishedSoAFreshPriceViewLearnsThem() throws Exception {
        ConsumerRecord<String, String> seeded = awaitEvent(RoutingEvents.ENDPOINT_UPDATED, "openai/gpt-4o-mini",
                "\"provider\":\"sim-cheap\"");
        JsonNode event = JSON.readTree(seeded.value());

        assertThat(event.get("prompt_price").decimalValue()).isEqualByComparingTo(new BigDecimal("0.000000075"));
        assertThat(event.get("completion_price").decimalValue()).isEqualByComparingTo(new BigDecimal("0.0000003"));
        assertThat(event.get("data_policy").get("trains_on_data").asBoolean()).isTrue();
    }

    private static Response putProvider(String id) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Cloud", "base_url", "https://api.acme.example", "protocol", "openai",
                        "data_policy", Map.of("zdr", true, "retains_prompts", false, "trains_on_data", false),
                        "region", "eu", "data_region", "europe"))
                .put("/api/v1/catalog/providers/{provider}", id);
    }

    private static Map<String, Object> endpoint(String prompt, String completion) {
        return Map.of("upstream_model", "acme-model", "pricing", Map.of("prompt", prompt, "completion", completion),
                "quantization", "fp8", "max_completion_tokens", 4096);
    }

    private static ConsumerRecord<String, String> awaitEvent(String type, String key, String... contains) {
        var records = KafkaRecords.readUntil(bootstrap(), RoutingEvents.TOPIC, r -> key.equals(r.key())
                && type.equals(header(r, "ce_type"))
                && Arrays.stream(contains).allMatch(r.value()::contains), Duration.ofSeconds(30));
        return records.get(records.size() - 1);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
