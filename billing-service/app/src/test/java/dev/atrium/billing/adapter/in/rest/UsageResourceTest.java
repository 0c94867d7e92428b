package dev.atrium.billing.adapter.in.rest;

import static dev.atrium.billing.ApiCalls.balance;
import static dev.atrium.billing.ApiCalls.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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

@QuarkusTest
@TestSecurity(user = "platform-admin-1", roles = "platform-admin")
class UsageResourceTest {

    @Inject
    RecordUsageUseCase usage;
    @Inject
    AddCreditsUseCase credits;

    @Test
    void usageGroupedByModelSumsEachModelExactly() {
        String org = org();
        record(org, "ws_1", "openai/gpt-4o-mini", 100, 10, "0.0000150000", "2026-11-01T00:00:00Z");
        record(org, "ws_2", "openai/gpt-4o-mini", 200, 20, "0.0000300001", "2026-11-15T12:00:00Z");
        record(org, "ws_1", "anthropic/claude-3.5-haiku", 50, 5, "0.0001", "2026-11-30T23:59:59.999Z");
        record(org, "ws_1", "openai/gpt-4o-mini", 999, 999, "9", "2026-12-01T00:00:00Z");
        record(org, "ws_1", "openai/gpt-4o-mini", 999, 999, "9", "2026-10-31T23:59:59Z");

        JsonNode body = read(given().queryParam("from", "2026-11-01").queryParam("to", "2026-12-01")
                .queryParam("group_by", "model").get("/api/v1/organizations/{org}/usage", org)
                .then().statusCode(200).extract().asString());

        JsonNode rows = body.get("data");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("model").asText()).isEqualTo("anthropic/claude-3.5-haiku");
        assertThat(rows.get(0).get("requests").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("cost").decimalValue()).isEqualByComparingTo("0.0001");
        assertThat(rows.get(1).get("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(rows.get(1).get("requests").asLong()).isEqualTo(2);
        assertThat(rows.get(1).get("prompt_tokens").asLong()).isEqualTo(300);
        assertThat(rows.get(1).get("completion_tokens").asLong()).isEqualTo(30);
        assertThat(rows.get(1).get("cost").decimalValue()).isEqualByComparingTo("0.0000450001");
        assertThat(body.get("total").get("requests").asLong()).isEqualTo(3);
        assertThat(body.get("total").get("cost").decimalValue()).isEqualByComparingTo("0.0001450001");
    }

    @Test
    void usageGroupsByWorkspaceAndByDay() {
        String org = org();
        record(org, "ws_1", "a/x", 1, 1, "1", "2026-11-03T23:59:59Z");
        record(org, "ws_2", "a/x", 1, 1, "2", "2026-11-04T00:00:00Z");
        record(org, "ws_2", "a/x", 1, 1, "3", "2026-11-04T18:00:00Z");

        JsonNode byWorkspace = read(given().queryParam("from", "2026-11-01").queryParam("to", "2026-12-01")
                .queryParam("group_by", "workspace").get("/api/v1/organizations/{org}/usage", org)
                .then().statusCode(200).extract().asString()).get("data");
        JsonNode byDay = read(given().queryParam("from", "2026-11-01").queryParam("to", "2026-12-01")
                .queryParam("group_by", "day").get("/api/v1/organizations/{org}/usage", org)
                .then().statusCode(200).extract().asString()).get("data");

        assertThat(byWorkspace.findValuesAsText("workspace_id")).containsExactly("ws_1", "ws_2");
        assertThat(byWorkspace.get(1).get("cost").decimalValue()).isEqualByComparingTo("5");
        assertThat(byDay.findValuesAsText("day")).containsExactly("2026-11-03", "2026-11-04");
        assertThat(byDay.get(1).get("requests").asLong()).isEqualTo(2);
    }

    @Test
    void usageAsCsvHasAHeaderRowAndTheSameColumns() {
        String org = org();
        record(org, "ws_1", "openai/gpt-4o-mini", 100, 10, "0.000015", "2026-11-02T00:00:00Z");

        String csv = given().queryParam("from", "2026-11-01").queryParam("to", "2026-12-01")
                .queryParam("format", "csv").get("/api/v1/organizations/{org}/usage", org)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();

        assertThat(csv.split("\r\n")).containsExactly(
                "model,requests,prompt_tokens,completion_tokens,cost,byok_fee,charged",
                "openai/gpt-4o-mini,1,100,10,0.000015,0,0.000015");
    }

    @Test
    void malformedUsageParametersAre400NamingTheField() {
        String org = org();
        rejected(org, "from", "2026-11-1", "from");
        rejected(org, "to", "december", "to");
        rejected(org, "group_by", "hour", "group_by");
        rejected(org, "format", "xml", "format");
    }

    @Test
    void ledgerPagesNewestFirstWithAnOpaqueCursor() {
        String org = org();
        for (int i = 1; i <= 3; i++) {
            credits.add(AddCreditsCommand.of(org, org + "-" + i, new BigDecimal(i), "USD", "grant", null, "admin"));
        }

        JsonNode first = read(given().queryParam("limit", 4).get("/api/v1/organizations/{org}/ledger", org)
                .then().statusCode(200).extract().asString());
        String cursor = first.get("next_cursor").asText();
        JsonNode second = read(given().queryParam("limit", 4).queryParam("cursor", cursor)
                .get("/api/v1/organizations/{org}/ledger", org).then().statusCode(200).extract().asString());

        assertThat(first.get("data")).hasSize(4);
        assertThat(first.get("data").get(0).get("amount").decimalValue()).isEqualByComparingTo("3");
        assertThat(second.get("data")).hasSize(2);
        assertThat(second.get("data").get(0).get("amount").decimalValue()).isEqualByComparingTo("1");
        assertThat(second.get("next_cursor").isNull()).isTrue();
        given().queryParam("cursor", "bogus").get("/api/v1/organizations/{org}/ledger", org)
                .then().statusCode(400).body("error.metadata.field", equalTo("cursor"));
        given().queryParam("limit", "0").get("/api/v1/organizations/{org}/ledger", org)
                .then().statusCode(400).body("error.metadata.field", equalTo("limit"));
    }

    @Test
    void booksStayBalancedAndTheBalanceEqualsItsEntries() {
        String org = org();
        credits.add(AddCreditsCommand.of(org, org + "-t", new BigDecimal("10"), "USD", "top_up", null, "admin"));
        credits.add(AddCreditsCommand.of(org, org + "-g", new BigDecimal("0.5"), "USD", "grant", null, "admin"));
        record(org, "ws_1", "a/x", 1, 1, "0.1234567891", "2026-11-02T00:00:00Z");
        record(org, "ws_1", "a/x", 1, 1, "11", "2026-11-02T00:00:01Z");

        JsonNode check = read(given().get("/api/v1/organizations/{org}/invariants", org)
                .then().statusCode(200).extract().asString());

        assertThat(check.get("hold").asBoolean()).isTrue();
        assertThat(check.get("unbalanced_transactions").asLong()).isZero();
        assertThat(check.get("debits").decimalValue()).isEqualByComparingTo(check.get("credits").decimalValue());
        JsonNode creditsAccount = check.get("accounts").findParents("account").stream()
                .filter(a -> a.get("account").asText().equals("credits")).findFirst().orElseThrow();
        assertThat(creditsAccount.get("balance").decimalValue()).isEqualByComparingTo("-0.6234567891");
        assertThat(creditsAccount.get("sum_of_entries").decimalValue()).isEqualByComparingTo("-0.6234567891");
        assertThat(balance(org)).isEqualByComparingTo("-0.6234567891");
    }

    private static void rejected(String org, String param, String value, String field) {
        given().queryParam(param, value).get("/api/v1/organizations/{org}/usage", org)
                .then().statusCode(400).body("error.code", equalTo(400)).body("error.metadata.field", equalTo(field));
    }

    private void record(String org, String ws, String model, long prompt, long completion, String cost, String at) {
        usage.record(RecordUsageCommand.of("gen-" + UUID.randomUUID(), org, ws, "key_" + ws, "user-1", model,
                "openai", prompt, completion, new BigDecimal(cost), false, 300, "org:1", Instant.parse(at),
                Instant.now()));
    }

    private static String org() {
        return "org_usage_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
