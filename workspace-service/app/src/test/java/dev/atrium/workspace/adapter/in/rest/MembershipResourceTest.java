package dev.atrium.workspace.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.atrium.workspace.domain.UserProfile;
import dev.atrium.workspace.testing.InMemoryMembershipDirectory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members through REST; Keycloak is replaced by the in-memory directory (the adapter's own test is manual). */
@QuarkusTest
class MembershipResourceTest {

    @Inject
    InMemoryMembershipDirectory directory;
    @Inject
    AgroalDataSource db;

    private final String user = UUID.randomUUID().toString();

    @BeforeEach
    void user() {
        FixedTenants.ensure(db);
        directory.register(user);
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void organizationAdminGivesAndTakesOrganizationRoles() {
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("billing", "admin")))
                .put("/api/v1/organizations/{org}/members/{user}", FixedTenants.ORG_A, user)
                .then().statusCode(200).body("roles", contains("admin", "billing"));
        assertThat(directory.groupsOf(user)).containsExactlyInAnyOrder("/orgs/org_fixedA/admin",
                "/orgs/org_fixedA/billing");
        given().delete("/api/v1/organizations/{org}/members/{user}", FixedTenants.ORG_A, user).then().statusCode(204);
        assertThat(directory.groupsOf(user)).isEmpty();
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void membersAreListedWithTheirEmailAndNamesFromTheIdentityProvider() {
        String named = UUID.randomUUID().toString();
        directory.register(named, new UserProfile("ada@example.com", "Ada", "Lovelace"));
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("billing")))
                .put("/api/v1/organizations/{org}/members/{user}", FixedTenants.ORG_A, named)
                .then().statusCode(200).body("email", equalTo("ada@example.com"));
        given().contentType(ContentType.JSON).body(Map.of("role", "member"))
                .put("/api/v1/workspaces/{ws}/members/{user}", FixedTenants.WS_A1, named).then().statusCode(200)
                .body("first_name", equalTo("Ada"));
        given().get("/api/v1/organizations/{org}/members", FixedTenants.ORG_A).then().statusCode(200)
                .body("data.find { it.user_id == '" + named + "' }.email", equalTo("ada@example.com"))
                .body("data.find { it.user_id == '" + named + "' }.first_name", equalTo("Ada"))
                .body("data.find { it.user_id == '" + named + "' }.last_name", equalTo("Lovelace"));
        given().get("/api/v1/workspaces/{ws}/members", FixedTenants.WS_A1).then().statusCode(200)
                .body("data.find { it.user_id == '" + named + "' }.email", equalTo("ada@example.com"))
                .body("data.find { it.user_id == '" + named + "' }.last_name", equalTo("Lovelace"));
        given().delete("/api/v1/organizations/{org}/members/{user}", FixedTenants.ORG_A, named).then().statusCode(204);
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void workspaceRoleIsAGroupUnderTheOrganization() {
        given().contentType(ContentType.JSON).body(Map.of("role", "member"))
                .put("/api/v1/workspaces/{ws}/members/{user}", FixedTenants.WS_A1, user)
                .then().statusCode(200).body("role", equalTo("member"));
        assertThat(directory.groupsOf(user)).containsExactly("/orgs/org_fixedA/workspaces/ws_fixedA1/member");
        given().delete("/api/v1/workspaces/{ws}/members/{user}", FixedTenants.WS_A1, user).then().statusCode(204);
        assertThat(directory.groupsOf(user)).isEmpty();
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void badRolesAndUnknownUsersChangeNothing() {
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("owner")))
                .put("/api/v1/organizations/{org}/members/{user}", FixedTenants.ORG_A, user)
                .then().statusCode(400).body("error.metadata.field", equalTo("roles"));
        given().contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .put("/api/v1/workspaces/{ws}/members/{user}", FixedTenants.WS_A1, UUID.randomUUID().toString())
                .then().statusCode(404);
        assertThat(directory.groupsOf(user)).isEmpty();
    }

    @Test
    @TestSecurity(user = "a1-member", roles = "/orgs/org_fixedA/workspaces/ws_fixedA1/member")
    void workspaceMemberCannotManageMembers() {
        given().contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .put("/api/v1/workspaces/{ws}/members/{user}", FixedTenants.WS_A1, user).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .put("/api/v1/organizations/{org}/members/{user}", FixedTenants.ORG_A, user).then().statusCode(403);
        assertThat(directory.groupsOf(user)).isEmpty();
    }
}
