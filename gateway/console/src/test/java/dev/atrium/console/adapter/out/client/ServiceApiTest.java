package dev.atrium.console.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's calls through the services' REST clients, against {@link FakeServices}. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ServiceApiTest {

    @Inject
    ServiceClients clients;

    @Inject
    ObjectMapper json;

    private ServiceApi api() {
        return new ServiceApi(clients, new AccessTokenCredential("user-token"), json);
    }

    @Test
    void aReadCarriesTheUsersTokenThePathAndTheQueryAsWritten() {
        assertThat(api().get(Service.WORKSPACE, "/api/v1/workspaces/ws_1/usage?group_by=day&from=2026-12-01T00%3A00%3A00Z")
                .path("id").asText()).isEqualTo("ws_1");
        FakeServices.Seen seen = FakeServices.last;
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.path()).isEqualTo("/api/v1/workspaces/ws_1/usage");
        assertThat(seen.query()).contains("group_by=day").contains("from=2026-12-01T00%3A00%3A00Z");
        assertThat(seen.auth()).isEqualTo("Bearer user-token");
    }

    @Test
    void readsStartedTogetherAnswerEachWithItsOwnResultOrRefusal() {
        var found = api().fetch(Service.WORKSPACE, "/api/v1/workspaces/ws_1/usage?group_by=day");
        var missing = api().fetch(Service.ROUTING, "/api/v1/workspaces/missing");
        var unreachable = api().fetch(Service.GATEWAY, "/api/v1/explain");

        assertThat(ServiceApi.await(found).path("id").asText()).isEqualTo("ws_1");
        assertThatThrownBy(() -> ServiceApi.await(missing)).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("Workspace ws_9 not found");
        });
        assertThatThrownBy(() -> ServiceApi.await(unreachable))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> assertThat(e.status()).isZero());
    }

    @Test
    void aChangeSendsItsBodyAsJson() {
        api().patch(Service.GUARDRAIL, "/api/v1/workspaces/ws_1", Map.of("name", "Research"));
        FakeServices.Seen seen = FakeServices.last;
        assertThat(seen.method()).isEqualTo("PATCH");
        assertThat(seen.path()).isEqualTo("/api/v1/workspaces/ws_1");
        assertThat(seen.contentType()).startsWith("application/json");
        assertThat(seen.body()).isEqualTo("{\"name\":\"Research\"}");
    }

    @Test
    void explainIsSentWithTheApiKeyNotTheUsersToken() {
        api().postWithKey(Service.BILLING, "/api/v1/explain", "sk-at-v1-abc", "{\"model\":\"m\"}");
        assertThat(FakeServices.last.auth()).isEqualTo("Bearer sk-at-v1-abc");
        assertThat(FakeServices.last.body()).isEqualTo("{\"model\":\"m\"}");
    }

    @Test
    void aCsvExportIsPassedOnAsSent() {
        assertThat(api().getText(Service.BILLING, "/api/v1/workspaces/ws_1/usage?format=csv"))
                .isEqualTo("day,charged\n2026-12-01,0.5\n");
    }

    @Test
    void aRefusalCarriesTheServicesStatusAndMessage() {
        assertThatThrownBy(() -> api().get(Service.ROUTING, "/api/v1/workspaces/missing"))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("Workspace ws_9 not found");
                });
    }

    @Test
    void anUnreachableServiceIsNamedByItsAddress() {
        assertThatThrownBy(() -> api().get(Service.GATEWAY, "/api/v1/explain"))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).startsWith("The service at 127.0.0.1:").endsWith(" could not be reached");
                });
    }
}
