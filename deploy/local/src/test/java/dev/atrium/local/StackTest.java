package dev.atrium.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTest {

    @TempDir
    Path home;

    @Test
    void aTakenPortIsNamedWithItsComponentBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Ports free = Ports.free();
            Ports ports = new Ports(free.gateway(), free.workspace(), free.guardrail(), taken.getLocalPort(),
                    free.billing(), free.simulator(), free.keycloak(), free.keycloakManagement(), free.kafka(),
                    free.kafkaController(), free.postgres(), free.gatewayManagement(), free.workspaceManagement(),
                    free.guardrailManagement(), free.routingManagement(), free.billingManagement());
            List<String> progress = new ArrayList<>();
            Stack stack = new Stack(home, home.resolve("stack"), ports, null, progress::add);

            assertThatThrownBy(stack::start).isInstanceOf(ComponentFailure.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .extracting(e -> ((ComponentFailure) e).component()).isEqualTo("routing");
            assertThat(progress).isEmpty();
            assertThat(Files.exists(home.resolve("stack").resolve("postgres"))).isFalse();
        }
    }

    @Test
    void aTakenManagementPortIsNamedWithItsServiceBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Ports free = Ports.free();
            Ports ports = new Ports(free.gateway(), free.workspace(), free.guardrail(), free.routing(),
                    free.billing(), free.simulator(), free.keycloak(), free.keycloakManagement(), free.kafka(),
                    free.kafkaController(), free.postgres(), taken.getLocalPort(), free.workspaceManagement(),
                    free.guardrailManagement(), free.routingManagement(), free.billingManagement());
            Stack stack = new Stack(home, home.resolve("stack"), ports, null, line -> { });

            assertThatThrownBy(stack::start).isInstanceOf(ComponentFailure.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .extracting(e -> ((ComponentFailure) e).component()).isEqualTo("gateway");
        }
    }

    @Test
    void theConsoleServesOn8085WithItsManagementPortOn9085Locally() {
        Ports ports = Ports.defaults();
        assertThat(ports.console()).isEqualTo(8085);
        assertThat(ports.management(ports.console())).isEqualTo(9085);
    }

    @Test
    void eachServicesManagementPortIsItsPublicPortPlusAThousandLocally() {
        Ports ports = Ports.defaults();
        assertThat(List.of(ports.management(ports.gateway()), ports.management(ports.workspace()),
                ports.management(ports.guardrail()), ports.management(ports.routing()),
                ports.management(ports.billing()))).containsExactly(9080, 9081, 9082, 9083, 9084);
        assertThatThrownBy(() -> ports.management(ports.simulator())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSummaryNamesEachServicesManagementPort() {
        Stack stack = new Stack(home, home, Ports.defaults(), null, line -> { });
        String summary = Launcher.summary(stack, new Seeder.Demo("org_1", "ws_1", "key_1", "sk-at-v1-demo"));
        assertThat(summary).contains("gateway 9080  workspace 9081  guardrail 9082  routing 9083  billing 9084");
    }

    @Test
    void aMissingServiceBuildNamesTheServiceAndItsLog() throws Exception {
        ServiceProcess service = new ServiceProcess("billing", home.resolve("missing.jar"), FreePorts.next(),
                FreePorts.next(), java.util.Map.of(), home.resolve("logs/billing.log"));
        assertThatThrownBy(service::start).isInstanceOf(ComponentFailure.class)
                .hasMessageContaining("billing failed").hasMessageContaining("missing.jar")
                .hasMessageContaining("billing.log");
    }

    @Test
    void demoEnvListsEverySettingOfTheDesign() throws Exception {
        Stack stack = new Stack(home, home, Ports.defaults(), null, line -> { });
        Seeder.writeDemoEnv(stack, new Seeder.Demo("org_1", "ws_1", "key_1", "sk-at-v1-demo"));
        List<String> lines = Files.readAllLines(home.resolve("demo.env"));
        assertThat(lines).contains("ATRIUM_GATEWAY_URL=http://127.0.0.1:8080",
                "ATRIUM_OPENAI_BASE_URL=http://127.0.0.1:8080/api/v1", "ATRIUM_API_KEY=sk-at-v1-demo",
                "ATRIUM_ORG_ID=org_1", "ATRIUM_WORKSPACE_ID=ws_1", "ATRIUM_KEYCLOAK_URL=http://127.0.0.1:8180",
                "ATRIUM_KEYCLOAK_REALM=atrium", "ATRIUM_ADMIN_CLIENT_ID=atrium-admin",
                "ATRIUM_ADMIN_USERNAME=atrium-admin", "ATRIUM_ADMIN_PASSWORD=atrium-admin",
                "ATRIUM_WORKSPACE_URL=http://127.0.0.1:8081", "ATRIUM_GUARDRAIL_URL=http://127.0.0.1:8082",
                "ATRIUM_ROUTING_URL=http://127.0.0.1:8083", "ATRIUM_BILLING_URL=http://127.0.0.1:8084",
                "ATRIUM_SIMULATOR_URL=http://127.0.0.1:8090");
        assertThat(lines).allMatch(l -> l.matches("[A-Z_]+=[^ '\"$`]+"), "safe to source");
    }
}
