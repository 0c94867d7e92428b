package dev.atrium.gateway.adapter.in.rest.management;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.gateway.adapter.in.rest.management.FakeManagementServices.Seen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenRouter's workspace listing: a page of workspaces costs one guardrail-service call for their defaults. */
@QuarkusTest
@QuarkusTestResource(value = FakeManagementServices.class, parallel = true)
class WorkspacesRoutesTest {

    private static final String TOKEN = "Bearer management-token";

    @BeforeEach
    void forgetEarlierRequests() {
        FakeManagementServices.SEEN.clear();
    }

    @Test
    void aPageOfWorkspacesReadsTheirDefaultGuardrailsInOneCall() {
        JsonPath body = given().header("Authorization", TOKEN).get("/api/v1/workspaces").then().statusCode(200)
                .extract().jsonPath();

        assertThat(body.getList("data.id")).containsExactly("ws_m_1", "ws_m_2", "ws_m_3", "ws_m_4", "ws_m_5");
        assertThat(body.getInt("total_count")).isEqualTo(5);
        // The default where guardrail has one; none where it has none or has not learnt the workspace yet.
        assertThat(body.getList("data.default_guardrail_id")).containsExactly(FakeManagementServices.DEFAULT, "", "",
                "", "");
        List<Seen> calls = defaultCalls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).query())
                .isEqualTo("workspace=ws_m_1&workspace=ws_m_2&workspace=ws_m_3&workspace=ws_m_4&workspace=ws_m_5");
        assertThat(calls.get(0).auth()).as("the caller's own identity").isEqualTo(TOKEN);
    }

    @Test
    void anotherPageNamesOnlyItsOwnWorkspacesAndAnEmptyPageAsksNothing() {
        given().header("Authorization", TOKEN).queryParam("offset", 3).queryParam("limit", 2).get("/api/v1/workspaces")
                .then().statusCode(200);
        assertThat(defaultCalls()).extracting(Seen::query).containsExactly("workspace=ws_m_4&workspace=ws_m_5");

        FakeManagementServices.SEEN.clear();
        given().header("Authorization", TOKEN).queryParam("offset", 5).get("/api/v1/workspaces").then()
                .statusCode(200);
        assertThat(defaultCalls()).isEmpty();
    }

    /** Every request for default guardrails, the batch route's and the single workspace's route's. */
    private static List<Seen> defaultCalls() {
        Predicate<Seen> defaults = s -> s.path().contains("default-guardrail");
        return FakeManagementServices.SEEN.stream().filter(defaults).toList();
    }
}
