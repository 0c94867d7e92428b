package dev.atrium.billing.adapter.in.rest;

import static dev.atrium.billing.ApiCalls.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The credits and activity the gateway shows an API key, asked for with the gateway's service token. */
@QuarkusTest
class InternalReportResourceTest {

    @Inject
    AddCreditsUseCase credits;
    @Inject
    RecordUsageUseCase usage;

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void creditsAreWhatWasAddedAndWhatUsageTook() {
        String org = "org_credits_" + suffix();
        credits.add(AddCreditsCommand.of(org, "c1-" + org, new BigDecimal("10"), "USD", "top_up", null, "admin"));
        credits.add(AddCreditsCommand.of(org, "c2-" + org, new BigDecimal("2.5"), "USD", "grant", null, "admin"));
        record(org, "ws_a", "gen-cr-1-" + org, "openai/gpt-4o-mini", "openai", "0.25", false, "2026-11-20T08:00:00Z");

        given().get("/internal/v1/organizations/{org}/credits", org).then().statusCode(200)
                .body("organization_id", equalTo(org))
                .body("total_credits", equalTo(12.5f))
                .body("total_usage", equalTo(0.25f))
                .body("balance", equalTo(12.25f));
        given().get("/internal/v1/organizations/{org}/credits", "org_never_seen").then().statusCode(200)
                .body("total_credits", equalTo(0)).body("total_usage", equalTo(0));
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void activityIsTheWorkspacesUsageByDayModelAndProvider() {
        String org = "org_activity_" + suffix();
        record(org, "ws_a", "gen-ac-1-" + org, "openai/gpt-4o-mini", "openai", "0.001", false, "2026-11-20T08:00:00Z");
        record(org, "ws_a", "gen-ac-2-" + org, "openai/gpt-4o-mini", "openai", "0.002", false, "2026-11-20T23:00:00Z");
        record(org, "ws_a", "gen-ac-3-" + org, "openai/gpt-4o-mini", "sim-fast", "0.004", true, "2026-11-20T09:00:00Z");
        record(org, "ws_a", "gen-ac-4-" + org, "openai/gpt-4o", "openai", "0.01", false, "2026-11-21T09:00:00Z");
        record(org, "ws_b", "gen-ac-5-" + org, "openai/gpt-4o", "openai", "9", false, "2026-11-21T09:00:00Z");
        record(org, "ws_a", "gen-ac-6-" + org, "openai/gpt-4o", "openai", "9", false, "2026-11-22T00:00:00Z");

        JsonNode body = read(given().queryParam("from", "2026-11-20").queryParam("to", "2026-11-22")
                .get("/internal/v1/organizations/{org}/workspaces/{ws}/activity", org, "ws_a")
                .then().statusCode(200).extract().asString());

        assertThat(body.get("from").asText()).isEqualTo("2026-11-20");
        assertThat(body.get("to").asText()).isEqualTo("2026-11-22");
        JsonNode rows = body.get("data");
        assertThat(rows.findValuesAsText("date")).containsExactly("2026-11-20", "2026-11-20", "2026-11-21");
        assertThat(rows.findValuesAsText("provider")).containsExactly("openai", "sim-fast", "openai");
        assertThat(rows.get(0).get("requests").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("prompt_tokens").asLong()).isEqualTo(200);
        assertThat(rows.get(0).get("charged").decimalValue()).isEqualByComparingTo("0.003");
        assertThat(rows.get(1).get("byok_cost").decimalValue()).isEqualByComparingTo("0.004");
        assertThat(rows.get(1).get("byok_fee").decimalValue()).isEqualByComparingTo("0.0002");
        assertThat(rows.get(1).get("charged").decimalValue()).isEqualByComparingTo("0.0002");
        assertThat(rows.get(2).get("model").asText()).isEqualTo("openai/gpt-4o");
        assertThat(rows.get(2).get("cost").decimalValue()).isEqualByComparingTo("0.01");
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void activityNeedsBothDates() {
        given().queryParam("from", "2026-11-20")
                .get("/internal/v1/organizations/{org}/workspaces/{ws}/activity", "org_x", "ws_x")
                .then().statusCode(400).body("error.metadata.field", equalTo("to"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void internalReportsRefuseAPlatformAdmin() {
        given().get("/internal/v1/organizations/{org}/credits", "org_x").then().statusCode(403);
        given().queryParam("from", "2026-11-20").queryParam("to", "2026-11-21")
                .get("/internal/v1/organizations/{org}/workspaces/{ws}/activity", "org_x", "ws_x")
                .then().statusCode(403);
    }

    @Test
    void internalReportsRefuseAnonymousCallers() {
        given().get("/internal/v1/organizations/{org}/credits", "org_x").then().statusCode(401);
    }

    private void record(String org, String ws, String id, String model, String provider, String cost, boolean byok,
            String at) {
        usage.record(RecordUsageCommand.of(id, org, ws, "key_" + ws, "user-1", model, provider, 100, 10,
                new BigDecimal(cost), byok, 300, "org:1", Instant.parse(at), Instant.now()));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
