package dev.atrium.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.atrium.local.testing.HexagonalRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersFollowTheHexagonalRules() {
        JavaClasses classes = HexagonalRules.importMain("dev.atrium.gateway");
        for (ArchRule rule : HexagonalRules.service("dev.atrium.gateway")
                .domainMayUse("dev.atrium.routing.api.Price",
                        "prices are routing's published contract, plain Java")
                .domainMayUse("dev.atrium.routing.api.ProviderPreferences",
                        "a request's provider preferences are routing's published contract, plain Java")
                .adaptersMayStillUse("dev.atrium.gateway.application.port.out.RoutePlanner",
                        "WarmUpAtStart plans a made-up route before readiness to warm the client; it decides nothing")
                .adaptersMayStillUse("dev.atrium.gateway.application.port.out.UpstreamProvider",
                        "WarmUpAtStart opens the providers' pooled connections before readiness (their free model "
                        + "list); it decides nothing")
                .adaptersMayStillUse("dev.atrium.gateway.application.port.out.KeyResolver",
                        "WarmUpAtStart readies the key-context reader before readiness; it resolves nothing")
                .adaptersMayStillUse("dev.atrium.gateway.application.service.ActivityPeriod",
                        "a value the activity report and its use case share; it belongs beside the port (issue 23, item 4)")
                .rules()) {
            rule.check(classes);
        }
    }
}
