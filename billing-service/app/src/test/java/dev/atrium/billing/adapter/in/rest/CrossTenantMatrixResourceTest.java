package dev.atrium.billing.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import io.quarkus.arc.Arc;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestIdentityAssociation;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report route against every kind of caller. Outsiders get 404, as for an unknown id; a
 * workspace member sees that its workspace exists but not its money (403); no token is 401.
 */
@QuarkusTest
class CrossTenantMatrixResourceTest {

    private static final String ORG = "org_matrix_a";
    private static final String OTHER_ORG = "org_matrix_b";
    private static final String WS = "ws_matrix_1";
    private static final String GEN = "gen-matrix-ws1";

    /** Who may read a route: the organization's billing readers, the workspace's admins or its members. */
    enum Audience {
        ORGANIZATION, WORKSPACE, GENERATION
    }

    enum Route {
        BALANCE(Audience.ORGANIZATION, "/api/v1/organizations/" + ORG + "/balance"),
        LEDGER(Audience.ORGANIZATION, "/api/v1/organizations/" + ORG + "/ledger"),
        ORGANIZATION_USAGE(Audience.ORGANIZATION, "/api/v1/organizations/" + ORG + "/usage"),
        INVARIANTS(Audience.ORGANIZATION, "/api/v1/organizations/" + ORG + "/invariants"),
        WORKSPACE_USAGE(Audience.WORKSPACE, "/api/v1/workspaces/" + WS + "/usage"),
        STATEMENT(Audience.WORKSPACE, "/api/v1/workspaces/" + WS + "/statements/2026-11"),
        GENERATION(Audience.GENERATION, "/api/v1/generations/" + GEN);

        final Audience audience;
        final String path;

        Route(Audience audience, String path) {
            this.audience = audience;
            this.path = path;
        }
    }

    /** A caller and the status it gets on organization, workspace and generation routes. */
    enum Caller {
        PLATFORM_ADMIN(200, 200, 200, "platform-admin"),
        ORGANIZATION_ADMIN(200, 200, 200, "/orgs/" + ORG + "/admin"),
        ORGANIZATION_BILLING(200, 200, 200, "/orgs/" + ORG + "/billing"),
        WORKSPACE_ADMIN(404, 200, 200, "/orgs/" + ORG + "/workspaces/" + WS + "/admin"),
        WORKSPACE_MEMBER(404, 403, 200, "/orgs/" + ORG + "/workspaces/" + WS + "/member"),
        ADMIN_OF_A_SIBLING_WORKSPACE(404, 404, 404, "/orgs/" + ORG + "/workspaces/ws_matrix_2/admin"),
        ADMIN_OF_ANOTHER_ORGANIZATION(404, 404, 404, "/orgs/" + OTHER_ORG + "/admin"),
        BILLING_OF_ANOTHER_ORGANIZATION(404, 404, 404, "/orgs/" + OTHER_ORG + "/billing"),
        SAME_WORKSPACE_ID_IN_ANOTHER_ORGANIZATION(404, 404, 404,
                "/orgs/" + OTHER_ORG + "/workspaces/" + WS + "/admin"),
        SERVICE_ACCOUNT(404, 404, 404, "atrium-service"),
        ANONYMOUS(401, 401, 401);

        final int organization;
        final int workspace;
        final int generation;
        final Set<String> roles;

        Caller(int organization, int workspace, int generation, String... roles) {
            this.organization = organization;
            this.workspace = workspace;
            this.generation = generation;
            this.roles = Set.of(roles);
        }

        int expected(Route route) {
            return switch (route.audience) {
                case ORGANIZATION -> organization;
                case WORKSPACE -> workspace;
                case GENERATION -> generation;
            };
        }
    }

    @Inject
    AddCreditsUseCase credits;
    @Inject
    RecordUsageUseCase usage;

    static Stream<Arguments> matrix() {
        return Arrays.stream(Caller.values())
                .flatMap(caller -> Arrays.stream(Route.values()).map(route -> Arguments.of(caller, route)));
    }

    @BeforeEach
    void books() {
        credits.add(AddCreditsCommand.of(ORG, "matrix-seed", new BigDecimal("50"), "USD", "top_up", null, "admin"));
        record(GEN, WS);
        record("gen-matrix-ws2", "ws_matrix_2");
    }

    @AfterEach
    void forgetCaller() {
        identities().setTestIdentity(null);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("matrix")
    void eachCallerSeesExactlyItsTenantsReports(Caller caller, Route route) {
        identities().setTestIdentity(caller == Caller.ANONYMOUS ? null : QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.name().toLowerCase(Locale.ROOT))).addRoles(caller.roles).build());
        int expected = caller.expected(route);

        var answer = given().get(route.path).then().statusCode(expected);

        if (expected != 200) {
            answer.body("error.code", equalTo(expected));
        }
    }

    /** The identity @TestSecurity would set, set here per invocation so one test covers every caller. */
    private static TestIdentityAssociation identities() {
        return Arc.container().instance(TestIdentityAssociation.class).get();
    }

    private void record(String id, String ws) {
        usage.record(RecordUsageCommand.of(id, ORG, ws, "key_" + ws, "user-1", "openai/gpt-4o", "openai", 120, 40,
                new BigDecimal("0.125"), false, 300, "org:1", Instant.parse("2026-11-20T08:00:00Z"), Instant.now()));
    }
}
