package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.local.AdminClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenRouter's SDK ({@code @openrouter/sdk}, pinned as in {@link OpenRouterSdkTest}) drives the gateway's
 * management routes with a management key, as a provisioning script would: each call passing proves the
 * answer is in OpenRouter's published shape, and the values asserted here prove it did what was asked.
 * The key's own rules (another organization's objects, model calls, revocation) are checked without the SDK.
 */
class OpenRouterManagementSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CALLS = new HashMap<>();
    private static Tenants.Tenant tenant;
    private static KeycloakUsers.User member;

    @BeforeAll
    static void driveTheSdk() throws Exception {
        String missing = OpenRouterSdkTest.missingNode();
        if (missing != null) {
            System.out.println("OpenRouterManagementSdkTest skipped: " + missing);
            Assumptions.abort(missing);
        }
        OpenRouterSdkTest.installSdk();
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        tenant = Tenants.create(admin, "mgmtsdk");
        Tenants.Tenant other = Tenants.create(admin, "mgmtother");
        member = KeycloakUsers.create("mgmt-member");
        // One answered chat in the tenant's own workspace, for the organization's activity.
        OpenRouterSdkTest.awaitFirstAnswer(tenant.apiKey());
        CALLS.putAll(OpenRouterSdkTest.runProbe("management-probe.mjs", 300,
                SharedStack.url(SharedStack.ports().gateway(), "/api/v1"),
                managementKey(admin, tenant.organizationId()).path("key").asText(),
                managementKey(admin, other.organizationId()).path("key").asText(), member.id(),
                SharedStack.url(SharedStack.ports().workspace(), "")));
    }

    @Test
    void aWorkspaceIsCreatedListedReadRenamedAndDeleted() {
        JsonNode created = passed("workspaces.create");
        String id = created.path("id").asText();
        assertThat(created.path("slug").asText()).startsWith("team-");
        assertThat(OpenRouterSdkTest.texts(passed("workspaces.list").path("ids"))).contains(id, tenant.workspaceId());
        assertThat(passed("workspaces.list").path("total_count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(passed("workspaces.get").path("id").asText()).isEqualTo(id);
        assertThat(passed("workspaces.update").path("name").asText()).endsWith("renamed");
        assertThat(passed("workspaces.delete").path("deleted").asBoolean()).isTrue();
        // Deleting archives: the workspace is still there for its records, archived.
        given().header("Authorization", "Bearer " + AdminClient.login(SharedStack.get().keycloakUrl()).token())
                .get(SharedStack.url(SharedStack.ports().workspace(), "/api/v1/workspaces/" + id)).then()
                .statusCode(200).body("archived", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aMemberIsAddedAndRemoved() {
        JsonNode added = passed("workspaces.bulkAddMembers");
        assertThat(added.path("added_count").asInt()).isEqualTo(1);
        assertThat(OpenRouterSdkTest.texts(added.path("user_ids"))).containsExactly(member.id());
        JsonNode listed = passed("workspaces.listMembers");
        assertThat(OpenRouterSdkTest.texts(listed.path("user_ids"))).contains(member.id());
        assertThat(OpenRouterSdkTest.texts(listed.path("roles"))).contains("member");
        assertThat(passed("workspaces.bulkRemoveMembers").path("removed_count").asInt()).isEqualTo(1);
        // The admin who issued the management key is one of the organization's members, named as in Keycloak.
        JsonNode organization = passed("organization.listMembers");
        assertThat(OpenRouterSdkTest.texts(organization.path("roles"))).contains("org:admin");
        assertThat(OpenRouterSdkTest.texts(organization.path("emails"))).anyMatch(e -> e.startsWith("mgmt-admin")
                && e.endsWith("@atrium.test"));
        assertThat(OpenRouterSdkTest.texts(organization.path("last_names"))).contains("mgmt-admin");
    }

    @Test
    void aBudgetIsSetListedAndDeleted() {
        JsonNode set = passed("workspaces.setBudget");
        assertThat(set.path("limit_usd").decimalValue()).isEqualByComparingTo("5");
        assertThat(set.path("reset_interval").asText()).isEqualTo("monthly");
        assertThat(OpenRouterSdkTest.texts(passed("workspaces.listBudgets").path("limits"))).containsExactly("monthly:5");
        assertThat(passed("workspaces.deleteBudget").path("deleted").asBoolean()).isTrue();
    }

    @Test
    void aKeyIsMintedListedReadAndDeleted() {
        JsonNode key = passed("apiKeys.create");
        assertThat(key.path("key").asText()).startsWith("sk-at-v1-");
        assertThat(key.path("workspace_id").asText()).isEqualTo(passed("workspaces.create").path("id").asText());
        assertThat(OpenRouterSdkTest.texts(passed("apiKeys.list").path("hashes"))).containsExactly(
                key.path("hash").asText());
        assertThat(passed("apiKeys.get").path("hash").asText()).isEqualTo(key.path("hash").asText());
        assertThat(passed("apiKeys.delete").path("deleted").asBoolean()).isTrue();
        // Its spend is guardrail-service's, read through the listing: the minted key's answers were charged.
        JsonNode spent = passed("apiKeys.get after its answers");
        assertThat(spent.path("usage").decimalValue()).as("%s", spent).isPositive();
        assertThat(spent.path("usage_monthly").decimalValue()).as("%s", spent)
                .isEqualByComparingTo(spent.path("usage").decimalValue());
        // The listing answers the same spend (one guardrail call per workspace); none of it was BYOK.
        assertThat(spent.path("listed_usage").decimalValue()).as("%s", spent)
                .isEqualByComparingTo(spent.path("usage").decimalValue());
        assertThat(spent.path("byok_usage").decimalValue()).as("%s", spent).isZero();
        assertThat(spent.path("listed_byok_usage").decimalValue()).as("%s", spent).isZero();
    }

    @Test
    void aGuardrailAssignedToTheMintedKeyDeniesItsModelAndAllowsTheOther() {
        assertThat(passed("guardrails.create").path("name").asText()).startsWith("only-mini-");
        assertThat(OpenRouterSdkTest.texts(passed("guardrails.create").path("builtins"))).containsExactly("secrets");
        assertThat(passed("guardrails.bulkAssignKeys").path("assigned_count").asInt()).isEqualTo(1);
        JsonNode chats = passed("minted key: allowed and denied models");
        assertThat(chats.path("allowed").asInt()).isEqualTo(200);
        assertThat(chats.path("denied").asInt()).isEqualTo(403);
        // The secrets builtin blocks a prompt carrying an AWS access key id, on the allowed model.
        assertThat(chats.path("secret").asInt()).isEqualTo(403);
        JsonNode names = passed("guardrails.create with person-name");
        assertThat(names.path("status").asInt()).isEqualTo(400);
        assertThat(names.path("message").asText()).contains("named-entity recognition model");
        assertThat(passed("guardrails.delete").path("deleted").asBoolean()).isTrue();
    }

    /** The guardrail's allowed_data_regions ["europe"]: the local stack's only europe provider answers. */
    @Test
    void theGuardrailsDataRegionKeepsTheMintedKeyOnEndpointsInIt() {
        assertThat(OpenRouterSdkTest.texts(passed("guardrails.create").path("regions"))).containsExactly("europe");
        JsonNode answered = passed("minted key: only endpoints in the allowed data region answer");
        assertThat(OpenRouterSdkTest.texts(answered.path("providers"))).as("%s", answered).hasSize(4)
                .containsOnly("sim-fast");
        // The key's own answer says so too, through the SDK's validation.
        assertThat(OpenRouterSdkTest.texts(answered.path("regions"))).as("%s", answered).containsExactly("europe");
    }

    @Test
    void aWorkspacesDefaultGuardrailIsAnsweredOnceSetAndEmptyOnceRemoved() {
        String guardrail = passed("guardrails.create").path("id").asText();
        JsonNode defaults = passed("workspaces: default guardrail set, read and removed");
        assertThat(defaults.path("set").asText()).isEqualTo(guardrail);
        assertThat(defaults.path("listed").asText()).isEqualTo(guardrail);
        assertThat(defaults.path("removed").asText()).isEmpty();
    }

    @Test
    void aPresetSavedTwiceIsReadAtItsNewestVersionAndCalled() {
        JsonNode preset = passed("presets: saved twice at workspace-service, read and called");
        assertThat(preset.path("designated").asInt()).isEqualTo(2);
        assertThat(preset.path("prompt").asText()).isEqualTo("You are terse and polite.");
        assertThat(OpenRouterSdkTest.texts(preset.path("versions"))).containsExactlyInAnyOrder("1", "2");
        assertThat(preset.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
    }

    @Test
    void anObservabilityDestinationAndABringYourOwnKeyAreCreatedAndDeleted() {
        JsonNode destination = passed("observability.create");
        assertThat(destination.path("url").asText()).isEqualTo("http://127.0.0.1:9/atrium-audit");
        assertThat(destination.path("type").asText()).isEqualTo("webhook");
        assertThat(passed("observability.delete").path("deleted").asBoolean()).isTrue();
        JsonNode byok = passed("byok.create");
        assertThat(byok.path("provider").asText()).isEqualTo("openai");
        assertThat(byok.path("label").asText()).endsWith("3456").doesNotContain("sk-test-byok");
        assertThat(passed("byok.delete").path("deleted").asBoolean()).isTrue();
    }

    @Test
    void creditsAndActivityAnswerForTheOrganization() {
        // Tenants.create tops the organization up with $10.
        assertThat(passed("credits.getCredits").path("total_credits").decimalValue()).isEqualByComparingTo("10");
        JsonNode activity = passed("analytics.getUserActivity");
        assertThat(OpenRouterSdkTest.texts(activity.path("models"))).contains("openai/gpt-4o-mini");
        assertThat(OpenRouterSdkTest.texts(activity.path("workspaces"))).contains(tenant.workspaceId());
    }

    @Test
    void anotherOrganizationsKeyGets404OnThisOnesObjects() {
        assertThat(passed("other organization: workspaces.get").path("status").asInt()).isEqualTo(404);
        assertThat(passed("other organization: apiKeys.get").path("status").asInt()).isEqualTo(404);
    }

    @Test
    void aManagementKeyCannotCallModels() {
        assertThat(passed("management key: chat").path("status").asInt()).isEqualTo(401);
    }

    /**
     * Revoked, the key is refused by the gateway's management routes at once (workspace-service resolves it
     * on every call) and by another service within its one-second cache (guardrail-service here).
     */
    @Test
    void aRevokedManagementKeyIsRefusedWithinASecond() throws InterruptedException {
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        JsonNode issued = managementKey(admin, tenant.organizationId());
        String key = issued.path("key").asText();
        String gateway = SharedStack.url(SharedStack.ports().gateway(), "/api/v1/workspaces");
        String guardrail = SharedStack.url(SharedStack.ports().guardrail(),
                "/api/v1/workspaces/" + tenant.workspaceId() + "/guardrails");
        given().header("Authorization", "Bearer " + key).get(gateway).then().statusCode(200);
        given().header("Authorization", "Bearer " + key).get(guardrail).then().statusCode(200);
        given().header("Authorization", "Bearer " + issued.path("creator_token").asText())
                .delete(SharedStack.url(SharedStack.ports().workspace(), "/api/v1/organizations/"
                        + tenant.organizationId() + "/management-keys/" + issued.path("id").asText()))
                .then().statusCode(204);
        long revoked = System.nanoTime();
        given().header("Authorization", "Bearer " + key).get(gateway).then().statusCode(401)
                .body("error.code", org.hamcrest.Matchers.equalTo(401));
        int status;
        while ((status = given().header("Authorization", "Bearer " + key).get(guardrail).statusCode()) == 200
                && System.nanoTime() - revoked < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(50);
        }
        long refusedAfter = Duration.ofNanos(System.nanoTime() - revoked).toMillis();
        assertThat(status).isEqualTo(401);
        // The cache keeps an answer 1 s; the rest of the bound is one resolution call on a loaded machine.
        assertThat(refusedAfter).as("ms until guardrail-service refused the revoked key").isLessThan(1500);
    }

    /**
     * The other machine identity: a realm client per automation (client credentials), its service-account user
     * granted rights like any member. Its token carries the API audience and the groups claim, so every service
     * accepts it; here the gateway's management routes and guardrail-service directly.
     */
    @Test
    void aKeycloakServiceAccountManagesOnceMadeAMember() throws Exception {
        String tokenUrl = SharedStack.get().keycloakUrl() + "/realms/atrium/protocol/openid-connect/token";
        java.util.function.Supplier<String> token = () -> given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "atrium-automation-local").formParam("client_secret", "local-automation-secret")
                .post(tokenUrl).then().statusCode(200).extract().path("access_token");
        String first = token.get();
        JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(first.split("\\.")[1]));
        assertThat(claims.path("aud").toString()).contains("atrium-api");
        String gateway = SharedStack.url(SharedStack.ports().gateway(), "/api/v1/workspaces");
        given().header("Authorization", "Bearer " + first).get(gateway).then().statusCode(403);
        AdminClient admin = AdminClient.login(SharedStack.get().keycloakUrl());
        given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("roles", List.of("admin"))).put(SharedStack.url(SharedStack.ports().workspace(),
                        "/api/v1/organizations/" + tenant.organizationId() + "/members/" + claims.path("sub").asText()))
                .then().statusCode(200);
        String granted = token.get();
        List<String> ids = given().header("Authorization", "Bearer " + granted).get(gateway).then().statusCode(200)
                .extract().jsonPath().getList("data.id");
        assertThat(ids).contains(tenant.workspaceId());
        given().header("Authorization", "Bearer " + granted).get(SharedStack.url(SharedStack.ports().guardrail(),
                "/api/v1/workspaces/" + tenant.workspaceId() + "/guardrails")).then().statusCode(200);
    }

    /**
     * A fresh organization admin (a realm user the platform admin makes admin of the organization) issues a
     * management key with its own token; the answer gains {@code creator_token} for the test's later calls.
     */
    static JsonNode managementKey(AdminClient admin, String organizationId) {
        KeycloakUsers.User creator = KeycloakUsers.create("mgmt-admin");
        String workspace = SharedStack.url(SharedStack.ports().workspace(), "/api/v1/organizations/" + organizationId);
        given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("roles", List.of("admin"))).put(workspace + "/members/" + creator.id())
                .then().statusCode(200);
        String token = creator.token();
        JsonNode issued = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("name", "provisioning")).post(workspace + "/management-keys").then().statusCode(201)
                .extract().as(JsonNode.class);
        return ((com.fasterxml.jackson.databind.node.ObjectNode) issued).put("creator_token", token);
    }

    private static JsonNode passed(String call) {
        JsonNode outcome = CALLS.get(call);
        assertThat(outcome).as("the SDK's call %s ran", call).isNotNull();
        assertThat(outcome.path("ok").asBoolean()).as("%s: %s", call, outcome.path("error").asText()).isTrue();
        return outcome;
    }
}
