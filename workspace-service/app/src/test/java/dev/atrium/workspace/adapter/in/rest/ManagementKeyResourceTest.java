package dev.atrium.workspace.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.IssueManagementKeyCommand;
import dev.atrium.workspace.application.port.in.ManagementKeyUseCases.IssueManagementKeyUseCase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Management keys: issued by organization admins, authenticating with their creator's rights of the moment. */
@QuarkusTest
class ManagementKeyResourceTest {

    @Inject
    AgroalDataSource db;
    @Inject
    IssueManagementKeyUseCase issue;

    private String creator;

    @BeforeEach
    void creatorAdminOfAAndB() {
        FixedTenants.ensure(db);
        creator = "mk-" + UUID.randomUUID();
        sql("INSERT INTO member_group (user_id, group_path) VALUES ('" + creator + "', '/orgs/" + FixedTenants.ORG_A
                + "/admin'), ('" + creator + "', '/orgs/" + FixedTenants.ORG_B + "/admin')");
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void organizationAdminIssuesAKeyShownOnceListsAndRevokesIt() {
        String path = "/api/v1/organizations/" + FixedTenants.ORG_A + "/management-keys";
        var issued = given().contentType(ContentType.JSON).body("{\"name\":\"provisioning\"}").post(path).then()
                .statusCode(201).body("key", startsWith("sk-at-mgmt-v1-")).body("name", equalTo("provisioning"))
                .body("creator_user_id", equalTo("org-a-admin")).extract().jsonPath();
        String id = issued.getString("id");
        String listed = given().get(path).then().statusCode(200).extract().asString();
        assertThat(listed).contains(id).contains(issued.getString("prefix")).doesNotContain(issued.getString("key"));
        given().delete(path + "/" + id).then().statusCode(204);
        assertThat(given().get(path).then().statusCode(200).extract().asString()).doesNotContain(id);
        given().delete(path + "/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "a1-member", roles = "/orgs/org_fixedA/workspaces/ws_fixedA1/member")
    void aWorkspaceMemberMayNotIssueOne() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .post("/api/v1/organizations/" + FixedTenants.ORG_A + "/management-keys").then().statusCode(403);
    }

    @Test
    void aKeyActsInItsOwnOrganizationOnlyEvenWhenItsCreatorAdministersAnother() {
        String key = keyOf(FixedTenants.ORG_A);
        given().auth().oauth2(key).get("/api/v1/organizations/" + FixedTenants.ORG_A).then().statusCode(200)
                .body("id", equalTo(FixedTenants.ORG_A));
        given().auth().oauth2(key).get("/api/v1/workspaces/" + FixedTenants.WS_A1).then().statusCode(200);
        given().auth().oauth2(key).get("/api/v1/organizations/" + FixedTenants.ORG_B).then().statusCode(404);
        given().auth().oauth2(key).get("/api/v1/workspaces/" + FixedTenants.WS_B1).then().statusCode(404);
        List<String> organizations = given().auth().oauth2(key).get("/api/v1/organizations").then().statusCode(200)
                .extract().jsonPath().getList("data.id");
        assertThat(organizations).containsExactly(FixedTenants.ORG_A);
    }

    @Test
    void aKeyCannotIssueManagementKeys() {
        given().auth().oauth2(keyOf(FixedTenants.ORG_A)).contentType(ContentType.JSON).body("{\"name\":\"next\"}")
                .post("/api/v1/organizations/" + FixedTenants.ORG_A + "/management-keys").then().statusCode(403);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        String key = keyOf(FixedTenants.ORG_A);
        given().auth().oauth2(key).get("/api/v1/organizations/" + FixedTenants.ORG_A).then().statusCode(200);
        sql("UPDATE management_key SET revoked_at = now() WHERE creator_user_id = '" + creator + "'");
        given().auth().oauth2(key).get("/api/v1/organizations/" + FixedTenants.ORG_A).then().statusCode(401)
                .body("error.code", equalTo(401));
    }

    @Test
    void aKeyLosesWhatItsCreatorLost() {
        String key = keyOf(FixedTenants.ORG_A);
        sql("DELETE FROM member_group WHERE user_id = '" + creator + "' AND group_path = '/orgs/" + FixedTenants.ORG_A
                + "/admin'");
        sql("INSERT INTO member_group (user_id, group_path) VALUES ('" + creator + "', '/orgs/" + FixedTenants.ORG_A
                + "/workspaces/" + FixedTenants.WS_A1 + "/member')");
        // Demoted to a workspace member: reads its workspace, may no longer change it.
        given().auth().oauth2(key).get("/api/v1/workspaces/" + FixedTenants.WS_A1).then().statusCode(200);
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"name\":\"renamed\"}")
                .patch("/api/v1/workspaces/" + FixedTenants.WS_A1).then().statusCode(403);
        sql("DELETE FROM member_group WHERE user_id = '" + creator + "' AND group_path LIKE '/orgs/"
                + FixedTenants.ORG_A + "/%'");
        given().auth().oauth2(key).get("/api/v1/workspaces/" + FixedTenants.WS_A1).then().statusCode(401);
    }

    @Test
    void anUnknownOrMalformedManagementKeyIs401() {
        given().auth().oauth2("sk-at-mgmt-v1-nothing").get("/api/v1/organizations/" + FixedTenants.ORG_A).then()
                .statusCode(401).body("error.code", equalTo(401));
    }

    private String keyOf(String organization) {
        return issue.issue(IssueManagementKeyCommand.of(organization, "test", creator)).secret().value();
    }

    private void sql(String statement) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
