package dev.atrium.workspace.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.atrium.workspace.application.port.in.ApiKeyQuery;
import dev.atrium.workspace.application.port.in.ReconcileMembersUseCase;
import dev.atrium.workspace.application.port.in.ResolveApiKeyUseCase;
import dev.atrium.workspace.application.port.in.SetWorkspaceMemberUseCase;
import dev.atrium.workspace.application.port.in.SetWorkspaceMemberUseCase.SetWorkspaceMemberCommand;
import dev.atrium.workspace.testing.InMemoryMembershipDirectory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rights and key ownership come from this service's own membership record: a removed member's token,
 * still valid, carries no right, and the keys they own stop resolving; an owner must be a member.
 */
@QuarkusTest
class KeyOwnershipResourceTest {

    private static final String GONE_ADMIN = "ws-admin-removed";
    private static final String DELETED_MEMBER = "member-deleted-in-keycloak";

    @Inject
    InMemoryMembershipDirectory directory;
    @Inject
    AgroalDataSource db;
    @Inject
    SetWorkspaceMemberUseCase members;
    @Inject
    ResolveApiKeyUseCase resolve;
    @Inject
    ApiKeyQuery keys;
    @Inject
    ReconcileMembersUseCase reconcile;

    @BeforeEach
    void tenants() {
        FixedTenants.ensure(db);
    }

    @Test
    @TestSecurity(user = GONE_ADMIN, roles = "/orgs/org_fixedA/workspaces/ws_fixedA1/admin")
    void aRemovedWorkspaceAdminsTokenCreatesNoKeyAndTheirKeyStopsResolving() {
        directory.register(GONE_ADMIN);
        members.set(SetWorkspaceMemberCommand.of(FixedTenants.WS_A1, GONE_ADMIN, "admin"));
        JsonPath created = createKey(Map.of("name", "mine")).then().statusCode(201).extract().jsonPath();
        String secret = created.getString("key");
        assertThat(created.getString("owner_user_id")).isEqualTo(GONE_ADMIN);
        assertThat(resolve.resolve(secret)).isPresent();

        members.set(SetWorkspaceMemberCommand.removal(FixedTenants.WS_A1, GONE_ADMIN));

        // The same token (its groups claim still names the workspace) now has no right in the organization.
        createKey(Map.of("name", "after-removal")).then().statusCode(404).body("error.code", equalTo(404));
        given().get("/api/v1/workspaces/{ws}/keys", FixedTenants.WS_A1).then().statusCode(404);
        assertThat(resolve.resolve(secret)).as("the removed member's key").isEmpty();
        assertThat(keys.get(FixedTenants.WS_A1, created.getString("id")).ownerRemovedAt()).isNotNull();
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void theOwnerMustBeAMemberOfTheWorkspaceAndTheListingShowsARemovedOwner() {
        createKey(Map.of("name", "x", "owner_user_id", "nobody-" + UUID.randomUUID())).then().statusCode(400)
                .body("error.metadata.field", equalTo("owner_user_id"));
        createKey(Map.of("name", "x", "owner_user_id", "u".repeat(65))).then().statusCode(400)
                .body("error.metadata.field", equalTo("owner_user_id"));

        String member = "member-" + UUID.randomUUID();
        directory.register(member);
        given().contentType(ContentType.JSON).body(Map.of("role", "member"))
                .put("/api/v1/workspaces/{ws}/members/{user}", FixedTenants.WS_A1, member).then().statusCode(200);
        JsonPath created = createKey(Map.of("name", "theirs", "owner_user_id", member)).then().statusCode(201)
                .extract().jsonPath();
        assertThat(created.getString("owner_user_id")).isEqualTo(member);
        assertThat(created.getString("owner_removed_at")).isNull();

        given().delete("/api/v1/workspaces/{ws}/members/{user}", FixedTenants.WS_A1, member).then().statusCode(204);
        given().get("/api/v1/workspaces/{ws}/keys/{key}", FixedTenants.WS_A1, created.getString("id"))
                .then().statusCode(200).body("owner_removed_at", notNullValue());
        assertThat(resolve.resolve(created.getString("key"))).isEmpty();
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void aUserDeletedInTheDirectoryLosesTheirKeysAtTheNextRounds() {
        directory.register(DELETED_MEMBER);
        given().contentType(ContentType.JSON).body(Map.of("role", "member"))
                .put("/api/v1/workspaces/{ws}/members/{user}", FixedTenants.WS_A1, DELETED_MEMBER)
                .then().statusCode(200);
        String secret = createKey(Map.of("name", "deleted-owner", "owner_user_id", DELETED_MEMBER)).then()
                .statusCode(201).extract().path("key");
        String kept = createKey(Map.of("name", "admins-own")).then().statusCode(201).extract().path("key");

        registerEveryKnownUser();
        directory.delete(DELETED_MEMBER);
        // Rounds go through every known user in batches; a few cover this module's test users.
        for (int i = 0; i < 20 && resolve.resolve(secret).isPresent(); i++) {
            reconcile.reconcile();
        }

        assertThat(resolve.resolve(secret)).as("the deleted user's key").isEmpty();
        assertThat(resolve.resolve(kept)).as("the admin's key").isPresent();
    }

    /** Other tests' users exist only as rows here: the directory must know them, or a round deletes them. */
    private void registerEveryKnownUser() {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT user_id FROM member_group UNION SELECT owner_user_id"
                        + " FROM api_key WHERE owner_user_id IS NOT NULL")) {
            while (rs.next()) {
                directory.register(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.Response createKey(Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/workspaces/{ws}/keys",
                FixedTenants.WS_A1);
    }
}
