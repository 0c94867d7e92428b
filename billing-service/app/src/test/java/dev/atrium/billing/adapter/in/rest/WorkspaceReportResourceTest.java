package dev.atrium.billing.adapter.in.rest;

import static dev.atrium.billing.ApiCalls.eventually;
import static dev.atrium.billing.ApiCalls.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A workspace's usage report and monthly statement, as its admins and the organization's billing readers see them. */
@QuarkusTest
class WorkspaceReportResourceTest {

    @Inject
    RecordUsageUseCase usage;

    @Test
    @TestSecurity(user = "ws-admin", roles = "/orgs/org_ws_report/workspaces/ws_report_1/admin")
    void workspaceAdminSeesItsOwnUsageOnly() {
        record("ws_report_1", "a/x", 100, 10, "0.0000150000", "2026-11-01T00:00:00Z");
        record("ws_report_1", "a/x", 200, 20, "0.0000300001", "2026-11-15T12:00:00Z");
        record("ws_report_2", "a/x", 999, 999, "9", "2026-11-15T12:00:00Z");

        JsonNode body = read(given().queryParam("from", "2026-11-01").queryParam("to", "2026-12-01")
                .queryParam("group_by", "workspace").get("/api/v1/workspaces/{ws}/usage", "ws_report_1")
                .then().statusCode(200).extract().asString());

        assertThat(body.get("data")).hasSize(1);
        assertThat(body.get("data").get(0).get("workspace_id").asText()).isEqualTo("ws_report_1");
        assertThat(body.get("total").get("requests").asLong()).isEqualTo(2);
        assertThat(body.get("total").get("prompt_tokens").asLong()).isEqualTo(300);
        assertThat(body.get("total").get("cost").decimalValue()).isEqualByComparingTo("0.0000450001");
        given().get("/api/v1/workspaces/{ws}/usage", "ws_report_2").then().statusCode(404)
                .body("error.message", equalTo("Workspace ws_report_2 not found"));
    }

    @Test
    @TestSecurity(user = "accountant", roles = "/orgs/org_stmt/billing")
    void statementListsCostByDayAndModelWithTotals() {
        String ws = "ws_stmt_" + suffix();
        record("org_stmt", ws, "openai/gpt-4o-mini", 100, 10, "0.000015", "2026-10-03T08:00:00Z");
        record("org_stmt", ws, "openai/gpt-4o-mini", 200, 20, "0.00003", "2026-10-03T23:59:59.999Z");
        record("org_stmt", ws, "anthropic/claude-3.5-haiku", 50, 5, "0.0001234567", "2026-10-03T09:00:00Z");
        record("org_stmt", ws, "openai/gpt-4o-mini", 10, 1, "0.0000010001", "2026-10-31T23:00:00Z");
        record("org_stmt", ws, "openai/gpt-4o-mini", 999, 999, "9", "2026-11-01T00:00:00Z");

        JsonNode s = read(given().get("/api/v1/workspaces/{ws}/statements/{month}", ws, "2026-10")
                .then().statusCode(200).extract().asString());

        assertThat(s.get("workspace_id").asText()).isEqualTo(ws);
        assertThat(s.get("organization_id").asText()).isEqualTo("org_stmt");
        assertThat(s.get("month").asText()).isEqualTo("2026-10");
        assertThat(s.get("from").asText()).isEqualTo("2026-10-01");
        assertThat(s.get("to").asText()).isEqualTo("2026-11-01");
        assertThat(s.get("currency").asText()).isEqualTo("USD");
        assertThat(s.get("closed").asBoolean()).isTrue();
        assertThat(s.get("lines").findValuesAsText("model")).containsExactly("anthropic/claude-3.5-haiku",
                "openai/gpt-4o-mini", "openai/gpt-4o-mini");
        assertThat(s.get("lines").get(1).get("day").asText()).isEqualTo("2026-10-03");
        assertThat(s.get("lines").get(1).get("requests").asLong()).isEqualTo(2);
        assertThat(s.get("lines").get(1).get("cost").decimalValue()).isEqualByComparingTo("0.000045");
        assertThat(s.get("by_model").get(1).get("cost").decimalValue()).isEqualByComparingTo("0.0000460001");
        assertThat(s.get("by_day").findValuesAsText("day")).containsExactly("2026-10-03", "2026-10-31");
        assertThat(s.get("total").get("requests").asLong()).isEqualTo(4);
        assertThat(s.get("total").get("prompt_tokens").asLong()).isEqualTo(360);
        assertThat(s.get("total").get("cost").decimalValue()).isEqualByComparingTo("0.0001694568");
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void malformedMonthsAndParametersAre400NamingTheField() {
        String ws = "ws_bad_" + suffix();
        record("org_bad_input", ws, "a/x", 1, 1, "1", "2026-11-02T00:00:00Z");

        for (String month : new String[] {"2026-13", "2026-1", "11-2026", "2026-11-01", "latest"}) {
            given().get("/api/v1/workspaces/{ws}/statements/{month}", ws, month).then().statusCode(400)
                    .body("error.code", equalTo(400)).body("error.metadata.field", equalTo("month"));
        }
        given().queryParam("from", "2026-11-1").get("/api/v1/workspaces/{ws}/usage", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("from"));
        given().queryParam("group_by", "hour").get("/api/v1/workspaces/{ws}/usage", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("group_by"));
        given().queryParam("format", "xml").get("/api/v1/workspaces/{ws}/usage", ws).then().statusCode(400)
                .body("error.metadata.field", equalTo("format"));
        given().get("/api/v1/workspaces/{ws}/statements/{month}", "ws_never_seen", "2026-11").then()
                .statusCode(404).body("error.code", equalTo(404));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void workspaceUsageAsCsvHasTheSameColumns() {
        String ws = "ws_csv_" + suffix();
        record("org_csv", ws, "openai/gpt-4o-mini", 100, 10, "0.000015", "2026-11-02T00:00:00Z");

        String csv = given().queryParam("from", "2026-11-01").queryParam("to", "2026-12-01")
                .queryParam("group_by", "day").queryParam("format", "csv").get("/api/v1/workspaces/{ws}/usage", ws)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();

        assertThat(csv.split("\r\n")).containsExactly(
                "day,requests,prompt_tokens,completion_tokens,cost,byok_fee,charged",
                "2026-11-02,1,100,10,0.000015,0,0.000015");
    }

    @Test
    @TestSecurity(user = "ws-admin", roles = "/orgs/org_created/workspaces/ws_created_early/admin")
    void aWorkspaceCreatedBeforeAnyUsageHasAnEmptyStatement() {
        String event = "{\"workspace_id\":\"ws_created_early\",\"organization_id\":\"org_created\","
                + "\"name\":\"Prod\",\"slug\":\"prod\",\"created_at\":\"2026-11-26T10:00:00Z\"}";
        KafkaRecords.send(bootstrap(), WorkspaceEvents.TOPIC, "org_created", event, CloudEventHeaders.of(
                "evt-" + suffix(), WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE, Instant.now()));

        JsonNode s = eventually(Duration.ofSeconds(20), "the workspace to be learned", () -> {
            Response r = given().get("/api/v1/workspaces/{ws}/statements/{month}", "ws_created_early", "2026-11");
            return r.statusCode() == 200 ? read(r.asString()) : null;
        });

        assertThat(s.get("organization_id").asText()).isEqualTo("org_created");
        assertThat(s.get("lines")).isEmpty();
        assertThat(s.get("total").get("cost").decimalValue()).isEqualByComparingTo("0");
    }

    private void record(String ws, String model, long prompt, long completion, String cost, String at) {
        record("org_ws_report", ws, model, prompt, completion, cost, at);
    }

    private void record(String org, String ws, String model, long prompt, long completion, String cost, String at) {
        usage.record(RecordUsageCommand.of("gen-" + UUID.randomUUID(), org, ws, "key_" + ws, "user-1", model,
                "openai", prompt, completion, new BigDecimal(cost), false, 300, "org:1", Instant.parse(at),
                Instant.now()));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
