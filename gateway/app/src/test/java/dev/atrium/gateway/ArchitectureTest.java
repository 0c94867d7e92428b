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
                .adaptersMayStillUse("dev.atrium.gateway.application.service.ChatRequestReader",
                        "request parsing moves into adapter/in/rest (issue 23, item 4)")
                .adaptersMayStillUse("dev.atrium.gateway.application.service.ActivityPeriod",
                        "a value the activity report and its use case share; it belongs beside the port (issue 23, item 4)")
                .rules()) {
            rule.check(classes);
        }
    }
}
