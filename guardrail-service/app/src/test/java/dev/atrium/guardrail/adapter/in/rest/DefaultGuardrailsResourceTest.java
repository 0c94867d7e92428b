package dev.atrium.guardrail.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.atrium.workspace.api.WorkspaceEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Several workspaces' default guardrails in one call: what the gateway's workspace listing reads per page. */
@QuarkusTest
class DefaultGuardrailsResourceTest {

    private static final String ORG = "org_defaults";
    private static final String BATCH = "/api/v1/organizations/" + ORG + "/default-guardrails";

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/" + ORG + "/admin")
    void aPageOfWorkspacesDefaultsInOneAnswerOnlyThoseOfTheOrganizationTheCallerMayRead() {
        announce(ORG, "ws_defaults_1");
        announce(ORG, "ws_defaults_2");
        announce("org_defaults_other", "ws_defaults_other");
        String guardrail = given().contentType(ContentType.JSON).body(Map.of("name", "Default"))
                .post("/api/v1/organizations/" + ORG + "/named-guardrails").then().statusCode(201)
                .extract().path("data.id");
        setDefaultOnceKnown("ws_defaults_1", guardrail);
        readableOnceKnown("ws_defaults_2");

        String query = "?workspace=ws_defaults_2&workspace=ws_defaults_1&workspace=ws_defaults_other"
                + "&workspace=ws_nobody_knows";
        JsonPath page = given().get(BATCH + query).then().statusCode(200).extract().jsonPath();
        // Another organization's workspace and an unknown one are simply absent; by workspace id.
        assertThat(page.getList("data.workspace_id")).containsExactly("ws_defaults_1", "ws_defaults_2");
        assertThat(page.getString("data[0].guardrail_id")).isEqualTo(guardrail);
        assertThat(page.getString("data[1].guardrail_id")).isNull();

        // A workspace's member reads its own workspace's default only, as on the single route.
        ActAs.caller("bob", "/orgs/" + ORG + "/workspaces/ws_defaults_1/member");
        given().get(BATCH + query).then().statusCode(200)
                .body("data.workspace_id", equalTo(List.of("ws_defaults_1")))
                .body("data[0].guardrail_id", equalTo(guardrail));

        // Whoever has no role in the organization may not learn it exists, whatever it names.
        ActAs.caller("mallory", "/orgs/org_defaults_other/admin");
        given().get(BATCH + query).then().statusCode(404).body("error.code", equalTo(404))
                .body("error.message", containsString(ORG));
        // Its own organization's workspace, once its event (on another partition maybe) has arrived.
        String own = "/api/v1/organizations/org_defaults_other/default-guardrails" + query;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> seen = List.of();
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            pause();
            seen = given().get(own).then().statusCode(200).extract().jsonPath().getList("data.workspace_id");
        }
        assertThat(seen).containsExactly("ws_defaults_other");
    }

    @Test
    @TestSecurity(user = "alice", roles = "/orgs/" + ORG + "/admin")
    void oneToAHundredWorkspacesAreNamedOrTheAnswerIs400NamingTheParameter() {
        given().get(BATCH).then().statusCode(400).body("error.code", equalTo(400))
                .body("error.metadata.field", equalTo("workspace"));
        String tooMany = String.join("&", IntStream.range(0, 101).mapToObj(i -> "workspace=ws_" + i).toList());
        given().get(BATCH + "?" + tooMany).then().statusCode(400).body("error.metadata.field", equalTo("workspace"));
        String hundred = String.join("&", Collections.nCopies(100, "workspace=ws_nobody_knows"));
        given().get(BATCH + "?" + hundred).then().statusCode(200).body("data", equalTo(List.of()));
    }

    private static void announce(String org, String ws) {
        Events.send(WorkspaceEvents.TOPIC, org, WorkspaceEvents.WORKSPACE_CREATED, WorkspaceEvents.SOURCE,
                new WorkspaceEvents.WorkspaceCreated(ws, org, ws, ws, Instant.now()));
    }

    /** Workspaces are known once their event arrives: until then the workspace's routes answer 404. */
    private static void setDefaultOnceKnown(String ws, String guardrail) {
        untilNot404(() -> given().contentType(ContentType.JSON).body(Map.of("guardrail_id", guardrail))
                .put("/api/v1/workspaces/" + ws + "/default-guardrail").then().extract().statusCode());
    }

    private static void readableOnceKnown(String ws) {
        untilNot404(() -> given().get("/api/v1/workspaces/" + ws + "/default-guardrail").then().extract()
                .statusCode());
    }

    private static void untilNot404(java.util.function.IntSupplier call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = call.getAsInt();
        while (status == 404 && System.nanoTime() < deadline) {
            pause();
            status = call.getAsInt();
        }
        assertThat(status).as("once the workspace event arrived").isEqualTo(200);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
