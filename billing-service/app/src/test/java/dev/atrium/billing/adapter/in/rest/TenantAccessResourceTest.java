package dev.atrium.billing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees which organization's money and generations; outsiders get 404, as for unknown ids. */
@QuarkusTest
class TenantAccessResourceTest {

    private static final String ORG = "org_tenant_a";
    private static final String GEN_WS1 = "gen-tenant-ws1";
    private static final String GEN_WS2 = "gen-tenant-ws2";

    @Inject
    AddCreditsUseCase credits;
    @Inject
    RecordUsageUseCase usage;

    @BeforeEach
    void books() {
        credits.add(AddCreditsCommand.of(ORG, "tenant-seed", new BigDecimal("50"), "USD", "top_up", null, "admin"));
        record(GEN_WS1, "ws_1");
        record(GEN_WS2, "ws_2");
    }

    @Test
    @TestSecurity(user = "other-admin", roles = "/orgs/org_tenant_b/admin")
    void adminOfAnotherOrganizationSeesNothing() {
        given().get("/api/v1/organizations/{org}/balance", ORG).then().statusCode(404).body("error.code", equalTo(404));
        given().get("/api/v1/organizations/{org}/usage", ORG).then().statusCode(404).body("error.code", equalTo(404));
        given().get("/api/v1/organizations/{org}/ledger", ORG).then().statusCode(404);
        given().get("/api/v1/organizations/{org}/invariants", ORG).then().statusCode(404);
        given().get("/api/v1/generations/{id}", GEN_WS1).then().statusCode(404).body("error.code", equalTo(404));
    }

    @Test
    @TestSecurity(user = "accountant", roles = "/orgs/org_tenant_a/billing")
    void billingMemberSeesTheOrganizationsMoneyAndGenerations() {
        given().get("/api/v1/organizations/{org}/balance", ORG).then().statusCode(200)
                .body("organization_id", equalTo(ORG)).body("currency", equalTo("USD"));
        given().get("/api/v1/organizations/{org}/usage", ORG).then().statusCode(200);
        given().get("/api/v1/generations/{id}", GEN_WS2).then().statusCode(200).body("data.id", equalTo(GEN_WS2));
    }

    @Test
    @TestSecurity(user = "dev", roles = "/orgs/org_tenant_a/workspaces/ws_1/member")
    void workspaceMemberSeesOnlyItsWorkspacesGenerations() {
        given().get("/api/v1/generations/{id}", GEN_WS1).then().statusCode(200)
                .body("data.workspace_id", equalTo("ws_1"));
        given().get("/api/v1/generations/{id}", GEN_WS2).then().statusCode(404);
        given().get("/api/v1/organizations/{org}/balance", ORG).then().statusCode(404);
        given().get("/api/v1/organizations/{org}/usage", ORG).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void unknownGenerationIsNotFoundUntilItLands() {
        given().get("/api/v1/generations/{id}", "gen-not-yet").then().statusCode(404)
                .body("error.message", equalTo("Generation gen-not-yet not found"));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void organizationWithoutAccountsHasAZeroBalance() {
        given().get("/api/v1/organizations/{org}/balance", "org_never_billed").then().statusCode(200)
                .body("balance", equalTo(0)).body("currency", equalTo("USD")).body("updated_at", nullValue());
    }

    @Test
    @TestSecurity(user = "service-account-atrium-gateway", roles = "atrium-service")
    void serviceReadsTheGenerationViewInternally() {
        given().get("/internal/v1/generations/{id}", GEN_WS1).then().statusCode(200)
                .body("id", equalTo(GEN_WS1)).body("organization_id", equalTo(ORG))
                .body("provider_name", equalTo("openai")).body("total_cost", equalTo(0.125f))
                .body("tokens_prompt", equalTo(120)).body("workspace_id", equalTo("ws_1"))
                .body("byok", equalTo(false)).body("byok_fee", nullValue());
        given().get("/internal/v1/generations/{id}", "gen-unknown").then().statusCode(404)
                .body("error.code", equalTo(404));
    }

    @Test
    @TestSecurity(user = "platform-admin-1", roles = "platform-admin")
    void internalRouteRefusesAPlatformAdmin() {
        given().get("/internal/v1/generations/{id}", GEN_WS1).then().statusCode(403).body("error.code", equalTo(403));
    }

    @Test
    void internalRouteRefusesAnonymousCallers() {
        given().get("/internal/v1/generations/{id}", GEN_WS1).then().statusCode(401).body("error.code", equalTo(401));
    }

    private void record(String id, String ws) {
        usage.record(RecordUsageCommand.of(id, ORG, ws, "key_" + ws, "user-1", "openai/gpt-4o", "openai", 120, 40,
                new BigDecimal("0.125"), false, 300, "org:1", Instant.parse("2026-11-20T08:00:00Z"), Instant.now()));
    }
}
