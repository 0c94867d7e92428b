package dev.atrium.routing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.events.CloudEventHeaders;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * A workspace's routing defaults and its route preview, for a workspace routing learned from the
 * real atrium.workspace.events topic. The first test sets the defaults the later ones see.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceRoutingResourceTest {

    private static final String ORG = "org_rt";
    private static final String WS = "ws_rt";
    private static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    private static void announceWorkspace() throws Exception {
        KafkaRecords.send(bootstrap(), WorkspaceEvents.TOPIC, ORG,
                JSON.writeValueAsString(new WorkspaceEvents.WorkspaceCreated(WS, ORG, "Routing", "routing",
                        Instant.now())),
                CloudEventHeaders.of("evt-ws-rt", WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                        Instant.now()));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "ws-admin", roles = "/orgs/org_rt/workspaces/ws_rt/admin")
    void anAdminSetsDefaultsThatPlansApplyUnderTheRequestsOwnPreferences() throws Exception {
        announceWorkspace();
        awaitWorkspace();
        given().contentType(ContentType.JSON)
                .body(Map.of("order", List.of("azure"), "ignore", List.of("sim-flaky"), "sort", "price",
                        "max_price", Map.of("completion", "0.000001")))
                .put("/api/v1/workspaces/{ws}/routing", WS)
                .then().statusCode(200)
                .body("data.workspace_id", equalTo(WS))
                .body("data.order", equalTo(List.of("azure")))
                .body("data.max_price.completion", equalTo("0.000001"))
                .body("data.max_price.prompt", nullValue())
                .body("data.updated_by", equalTo("ws-admin"));

        given().get("/api/v1/workspaces/{ws}/routing", WS).then().statusCode(200)
                .body("data.sort", equalTo("price")).body("data.ignore", equalTo(List.of("sim-flaky")));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "gateway", roles = "atrium-service")
    void plansForTheWorkspaceApplyItsDefaultsAndTheRequestWinsFieldByField() throws Exception {

        JsonPath defaulted = plan(Map.of("workspace_id", WS, "model", "openai/gpt-4o-mini"));
        JsonPath overridden = plan(Map.of("workspace_id", WS, "model", "openai/gpt-4o-mini",
                "provider", Map.of("order", List.of("sim-fast"), "ignore", List.of())));
        JsonPath otherWorkspace = plan(Map.of("workspace_id", "ws_other", "model", "openai/gpt-4o-mini",
                "provider", Map.of("sort", "price")));

        assertThat(defaulted.getList("candidates.provider", String.class))
                .containsExactly("azure", "sim-cheap", "openai", "sim-fast");
        assertThat(overridden.getList("candidates.provider", String.class))
                .containsExactly("sim-fast", "sim-cheap", "sim-flaky", "azure", "openai");
        assertThat(otherWorkspace.getList("candidates.provider", String.class)).hasSize(5);
        // the same preferences, read leniently here: a newer gateway may send a field this service lacks
        assertThat(plan(Map.of("workspace_id", WS, "model", "openai/gpt-4o-mini",
                "provider", Map.of("order", List.of("sim-fast"), "ignore", List.of(), "added_later", true)))
                .getList("candidates.provider", String.class)).startsWith("sim-fast");
    }

    @Test
    @Order(4)
    @TestSecurity(user = "member", roles = "/orgs/org_rt/workspaces/ws_rt/member")
    void membersPreviewTheRankingWithWhyEachEndpointIsKeptOrLeftOut() throws Exception {
        given().contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini", "provider", Map.of("sort", "price", "only",
                        List.of("sim-*", "openai")), "constraints", Map.of("ignored_providers", List.of("sim-cheap"))))
                .post("/api/v1/workspaces/{ws}/routes/preview", WS)
                .then().statusCode(200)
                .body("data.candidates[0].provider", equalTo("openai"))
                .body("data.candidates[0].rank", equalTo(1))
                .body("data.candidates[0].reason", equalTo("sort:price"))
                .body("data.candidates[0].pricing.prompt", equalTo("0.00000015"))
                .body("data.excluded.find { it.provider == 'sim-cheap' }.excluded_by",
                        equalTo("constraints.ignored_providers"))
                .body("data.excluded.find { it.provider == 'azure' }.excluded_by", equalTo("only"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "member", roles = "/orgs/org_rt/workspaces/ws_rt/member")
    void aPreviewWithAllowedDataRegionsKeepsOnlyEndpointsInThem() throws Exception {
        given().contentType(ContentType.JSON)
                .body(Map.of("model", "openai/gpt-4o-mini", "provider", Map.of("only", List.of("sim-*", "openai")),
                        "constraints", Map.of("allowed_data_regions", List.of("europe"))))
                .post("/api/v1/workspaces/{ws}/routes/preview", WS)
                .then().statusCode(200)
                .body("data.candidates.provider", equalTo(List.of("sim-fast")))
                .body("data.excluded.find { it.provider == 'sim-cheap' }.excluded_by",
                        equalTo("constraints.allowed_data_regions"))
                .body("data.excluded.find { it.provider == 'openai' }.excluded_by",
                        equalTo("constraints.allowed_data_regions"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "member", roles = "/orgs/org_rt/workspaces/ws_rt/member")
    void membersMayReadButNotChangeTheDefaults() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("sort", "latency"))
                .put("/api/v1/workspaces/{ws}/routing", WS)
                .then().statusCode(403).body("error.code", equalTo(403));
        given().get("/api/v1/workspaces/{ws}/routing", WS).then().statusCode(200)
                .body("data.sort", equalTo("price"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ws-admin", roles = "/orgs/org_rt/workspaces/ws_rt/admin")
    void anInvalidPreferenceIsA400NamingTheFieldAndWritesNothing() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("order", List.of("openai"), "sort", "cheapest"))
                .put("/api/v1/workspaces/{ws}/routing", WS)
                .then().statusCode(400).body("error.metadata.field", equalTo("sort"));
        given().contentType(ContentType.JSON).body(Map.of("data_collection", "never"))
                .put("/api/v1/workspaces/{ws}/routing", WS)
                .then().statusCode(400).body("error.metadata.field", equalTo("data_collection"));
        // camelCase from a wrongly generated client: refused, not saved as "no price cap"
        given().contentType(ContentType.JSON).body(Map.of("order", List.of("openai"),
                        "maxPrice", Map.of("completion", "0.000002")))
                .put("/api/v1/workspaces/{ws}/routing", WS)
                .then().statusCode(400).body("error.message", equalTo("Unknown field maxPrice"))
                .body("error.metadata.field", equalTo("maxPrice"));

        given().get("/api/v1/workspaces/{ws}/routing", WS).then().statusCode(200)
                .body("data.order", equalTo(List.of("azure")));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "stranger", roles = "/orgs/org_other/admin")
    void callersOfAnotherOrganizationSeeNothing() {
        given().get("/api/v1/workspaces/{ws}/routing", WS).then().statusCode(404).body("error.code", equalTo(404));
        given().contentType(ContentType.JSON).body(Map.of("model", "openai/gpt-4o-mini"))
                .post("/api/v1/workspaces/{ws}/routes/preview", WS).then().statusCode(404);
    }

    private static void awaitWorkspace() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int status = given().get("/api/v1/workspaces/{ws}/routing", WS).then().extract().statusCode();
            if (status != 404) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Workspace " + WS + " was never learned from the workspace events");
    }

    private static JsonPath plan(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/internal/v1/routes/plan")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
