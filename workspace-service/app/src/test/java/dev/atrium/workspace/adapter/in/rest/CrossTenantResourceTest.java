package dev.atrium.workspace.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase;
import dev.atrium.workspace.application.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every management route, called with rights in A (or in A1 only) against B's ids or A1's writes. */
@QuarkusTest
class CrossTenantResourceTest {

    private static final String USER = "0b6c1a2e-1111-2222-3333-444455556666";

    @Inject
    AgroalDataSource db;
    @Inject
    IssueApiKeyUseCase keys;

    private String keyB;
    private String keyA;

    @BeforeEach
    void tenants() {
        FixedTenants.ensure(db);
        keyB = keys.issue(IssueApiKeyCommand.of(FixedTenants.WS_B1, "b", null, null, false, null, "u", Instant.now()))
                .key().id();
        keyA = keys.issue(IssueApiKeyCommand.of(FixedTenants.WS_A1, "a", null, null, false, null, "u", Instant.now()))
                .key().id();
    }

    @Test
    @TestSecurity(user = "org-a-admin", roles = "/orgs/org_fixedA/admin")
    void organizationAAdminGets404OnEveryRouteOfBAndChangesNothing() throws SQLException {
        String before = state();
        List<String> failures = new ArrayList<>();
        for (Call call : routes(FixedTenants.ORG_B, FixedTenants.WS_B1, keyB)) {
            int status = call.send();
            if (status != 404) {
                failures.add(call + " -> " + status);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "a1-member", roles = "/orgs/org_fixedA/workspaces/ws_fixedA1/member")
    void workspaceMemberGets403OnEveryWriteOfItsWorkspaceAnd404OnB() throws SQLException {
        String before = state();
        List<String> failures = new ArrayList<>();
        for (Call call : routes(FixedTenants.ORG_A, FixedTenants.WS_A1, keyA)) {
            int status = call.send();
            boolean expected = call.write() ? status == 403 : status == 200 || status == 404;
            if (!expected) {
                failures.add(call + " -> " + status);
            }
        }
        for (Call call : routes(FixedTenants.ORG_B, FixedTenants.WS_B1, keyB)) {
            int status = call.send();
            if (status != 404) {
                failures.add(call + " -> " + status);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    private static List<Call> routes(String org, String ws, String key) {
        String o = "/api/v1/organizations/" + org;
        String w = "/api/v1/workspaces/" + ws;
        return List.of(
                new Call("GET", o, null, false), new Call("PATCH", o, "{\"name\":\"x\"}", true),
                new Call("PUT", o + "/members/" + USER, "{\"roles\":[\"admin\"]}", true),
                new Call("DELETE", o + "/members/" + USER, null, true),
                new Call("POST", o + "/workspaces", "{\"name\":\"x\",\"slug\":\"x\"}", true),
                new Call("GET", o + "/audit", null, true),
                new Call("GET", w, null, false), new Call("PATCH", w, "{\"name\":\"x\"}", true),
                new Call("DELETE", w, null, true),
                new Call("PUT", w + "/members/" + USER, "{\"role\":\"admin\"}", true),
                new Call("DELETE", w + "/members/" + USER, null, true),
                new Call("POST", w + "/keys", "{\"name\":\"x\"}", true), new Call("GET", w + "/keys", null, false),
                new Call("GET", w + "/keys/" + key, null, false),
                new Call("PATCH", w + "/keys/" + key, "{\"disabled\":true}", true),
                new Call("POST", w + "/keys/" + key + "/rotate", "{}", true),
                new Call("DELETE", w + "/keys/" + key, null, true),
                new Call("PUT", w + "/byok/openai", "{\"key\":\"sk-x-123456\"}", true),
                new Call("GET", w + "/byok/openai", null, false), new Call("DELETE", w + "/byok/openai", null, true),
                new Call("PUT", w + "/presets/p", "{\"system_prompt\":\"x\"}", true),
                new Call("GET", w + "/presets/p", null, false), new Call("GET", w + "/presets/p/versions", null, false),
                new Call("PUT", w + "/plugins", "{\"plugins\":[]}", true), new Call("GET", w + "/plugins", null, false),
                new Call("PUT", w + "/observability", "{\"destinations\":[]}", true),
                new Call("GET", w + "/observability", null, false),
                new Call("GET", w + "/byok", null, false), new Call("GET", w + "/presets", null, false));
    }

    /** Everything a rejected call could have changed. */
    private String state() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM audit_event WHERE organization_id IN ('"
                        + FixedTenants.ORG_A + "','" + FixedTenants.ORG_B + "')) || '/' || (SELECT string_agg(name || "
                        + "settings_revision || archived, ',' ORDER BY id) FROM workspace WHERE id IN ('"
                        + FixedTenants.WS_A1 + "','" + FixedTenants.WS_B1 + "')) || '/' || (SELECT count(*) FROM "
                        + "api_key WHERE disabled OR previous_key_hash IS NOT NULL) || '/' || (SELECT name FROM "
                        + "organization WHERE id = '" + FixedTenants.ORG_B + "')")) {
            r.next();
            return r.getString(1);
        }
    }

    private record Call(String method, String path, String body, boolean write) {
        int send() {
            var request = given();
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            return request.request(method, path).statusCode();
        }
    }
}
