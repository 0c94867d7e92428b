package dev.atrium.billing.adapter.in.rest;

import static dev.atrium.billing.ApiCalls.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The generations log of a workspace and its usage by provider, as its admins see them. */
@QuarkusTest
class GenerationLogResourceTest {

    private static final String ORG = "org_gen_log";
    private static final String WS = "ws_gen_log";

    @Inject
    RecordUsageUseCase usage;

    @Test
    @TestSecurity(user = "ws-admin", roles = "/orgs/org_gen_log/workspaces/ws_gen_log/admin")
    void logListsNewestFirstFiltersAndPagesWithACursor() {
        record("gen-log-1", WS, "key_a", "openai/gpt-4o-mini", "openai", "0.000015", "2026-10-02T08:00:00Z");
        record("gen-log-2", WS, "key_b", "openai/gpt-4o-mini", "sim-fast", "0.00003", "2026-10-03T08:00:00Z");
        record("gen-log-3", WS, "key_a", "anthropic/claude-3.5-haiku", "anthropic", "0.0001", "2026-10-04T08:00:00Z");
        record("gen-log-4", "ws_gen_other", "key_c", "openai/gpt-4o-mini", "openai", "9", "2026-10-04T09:00:00Z");

        JsonNode all = read(given().get("/api/v1/workspaces/{ws}/generations", WS).then().statusCode(200)
                .extract().asString());
        assertThat(all.get("data").findValuesAsText("id")).containsExactly("gen-log-3", "gen-log-2", "gen-log-1");
        assertThat(all.get("data").get(1).get("provider_name").asText()).isEqualTo("sim-fast");
        assertThat(all.get("data").get(1).get("total_cost").decimalValue()).isEqualByComparingTo("0.00003");
        assertThat(all.get("next_cursor").isNull()).isTrue();

        JsonNode first = read(given().queryParam("limit", 2).get("/api/v1/workspaces/{ws}/generations", WS)
                .then().statusCode(200).extract().asString());
        assertThat(first.get("data").findValuesAsText("id")).containsExactly("gen-log-3", "gen-log-2");
        JsonNode second = read(given().queryParam("limit", 2).queryParam("cursor", first.get("next_cursor").asText())
                .get("/api/v1/workspaces/{ws}/generations", WS).then().statusCode(200).extract().asString());
        assertThat(second.get("data").findValuesAsText("id")).containsExactly("gen-log-1");
        assertThat(second.get("next_cursor").isNull()).isTrue();

        JsonNode byModelAndKey = read(given().queryParam("model", "openai/gpt-4o-mini").queryParam("key", "key_a")
                .get("/api/v1/workspaces/{ws}/generations", WS).then().statusCode(200).extract().asString());
        assertThat(byModelAndKey.get("data").findValuesAsText("id")).containsExactly("gen-log-1");
        JsonNode byDays = read(given().queryParam("from", "2026-10-03").queryParam("to", "2026-10-04")
                .get("/api/v1/workspaces/{ws}/generations", WS).then().statusCode(200).extract().asString());
        assertThat(byDays.get("data").findValuesAsText("id")).containsExactly("gen-log-2");

        String csv = given().queryParam("format", "csv").queryParam("key", "key_b")
                .get("/api/v1/workspaces/{ws}/generations", WS).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly("id,created_at,model,provider_name,key_id,tokens_prompt,"
                + "tokens_completion,total_cost,is_byok,byok_fee,charged,latency,policy_revision",
                "gen-log-2,2026-10-03T08:00:00Z,openai/gpt-4o-mini,sim-fast,key_b,100,10,0.00003,false,,0.00003,300,"
                        + "org:1");

        JsonNode byProvider = read(given().queryParam("from", "2026-10-01").queryParam("to", "2026-11-01")
                .queryParam("group_by", "provider").get("/api/v1/workspaces/{ws}/usage", WS).then().statusCode(200)
                .extract().asString());
        assertThat(byProvider.get("data").findValuesAsText("provider")).containsExactly("anthropic", "openai",
                "sim-fast");
        assertThat(byProvider.get("data").get(1).get("cost").decimalValue()).isEqualByComparingTo("0.000015");
    }

    @Test
    @TestSecurity(user = "ws-admin", roles = "/orgs/org_gen_log/workspaces/ws_gen_log_bad/admin")
    void badFiltersAre400NamingTheFieldAndOtherWorkspacesAre404() {
        String ws = "ws_gen_log_bad";
        record("gen-log-5", ws, "key_a", "openai/gpt-4o-mini", "openai", "0.000015", "2026-09-02T08:00:00Z");
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/workspaces/{ws}/generations", ws).then()
                .statusCode(400).body("error.metadata.field", equalTo("cursor"));
        given().queryParam("from", "2026-10-1").get("/api/v1/workspaces/{ws}/generations", ws).then()
                .statusCode(400).body("error.metadata.field", equalTo("from"));
        given().queryParam("limit", 0).get("/api/v1/workspaces/{ws}/generations", ws).then()
                .statusCode(400).body("error.metadata.field", equalTo("limit"));
        given().queryParam("format", "xml").get("/api/v1/workspaces/{ws}/generations", ws).then()
                .statusCode(400).body("error.metadata.field", equalTo("format"));
        given().get("/api/v1/workspaces/{ws}/generations", WS).then().statusCode(404);
    }

    private void record(String id, String ws, String key, String model, String provider, String cost, String at) {
        usage.record(RecordUsageCommand.of(id, ORG, ws, key, "user-1", model, provider, 100, 10,
                new BigDecimal(cost), false, 300, "org:1", Instant.parse(at), Instant.now()));
    }
}
